/* 医疗费零星报销 网上申请 — layui 2 (form + laydate). 委托 inserts the 代办人 rows and re-renders the form. */
layui.use(['form', 'laydate', 'layer'], function () {
  var form = layui.form;
  var laydate = layui.laydate;
  var layer = layui.layer;
  var DATA = window.__WIDGET_DATA__;
  var root = document.querySelector('form[lay-filter=apply]');
  var box = document.getElementById('dbr-box');
  var submitted = false;

  laydate.render({ elem: '#sqrq', type: 'date', format: 'yyyy-MM-dd' });

  form.on('radio(blfs)', function (data) {
    if (data.value === '2') {
      if (!box.firstElementChild) {
        box.appendChild(document.getElementById('dbr-tpl').content.cloneNode(true));
        form.render(null, 'apply');
      }
    } else {
      box.innerHTML = '';
    }
  });

  form.on('submit(apply-submit)', function (data) {
    fetch('/api/widgets/layui/submit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data.field) })
      .then(function (r) { return r.json(); })
      .then(function (r) { submitted = true; layer.msg(r.msg || '提交成功'); });
    return false;
  });

  form.render(null, 'apply');

  function optionText(name) {
    var sel = root.querySelector('select[name=' + name + ']');
    if (!sel) return '';
    var o = sel.options[sel.selectedIndex];
    return o && o.value ? o.text : '';
  }

  /** What the page will submit: layui's own form.val (read from the native controls it keeps in sync). */
  function state() {
    var v = form.val('apply');
    var mode = root.querySelector('input[name=blfs]:checked');
    var district = optionText('qx');
    return {
      library: 'layui',
      step: 'basic',
      submitted: submitted,
      form: {
        handleMode: mode ? mode.title : '',
        reimburserName: v.bxrxm || '',
        reimburserIdNo: v.bxrsfzh || '',
        agentName: v.dbrxm || '',
        agentIdNo: v.dbrsfzh || '',
        agentRelation: optionText('dbrgx'),
        mobile: v.lxdh || '',
        emergencyPhone: v.jjlxrdh || '',
        date: v.sqrq || '',
        bank: optionText('khyh'),
        bankCardNo: v.yhzh || '',
        region: district ? ['上海市', district] : [],
        district: district,
        addressDetail: v.xxdz || '',
        captcha: v.yzm || '',
        siteSearch: document.querySelector('.site-head input').value
      },
      raw: v,
      banks: DATA.banks.length
    };
  }
  window.__replica = { state: state, form: form };
  document.documentElement.setAttribute('data-replica-ready', 'layui');
});
