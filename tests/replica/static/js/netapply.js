/* ac-product-net 网上申请 (jQuery). Steps are shown/hidden in place; 提交 posts the whole form. */
$(function () {
  // 材料: bx 1 必传, WT 委托办理时必传, ZY 有住院发票时必传, 0 选传
  var CLXX = [
    { name: 'f_0401', clmc: '银行卡', bx: '1' },
    { name: 'f_0402', clmc: '社保卡（无社保卡可上传医保卡）', bx: '1' },
    { name: 'f_0403', clmc: '身份证', bx: '1' },
    { name: 'f_0404', clmc: '被委托人身份证', bx: 'WT' },
    { name: 'f_0405', clmc: '出院小结', bx: 'ZY' },
    { name: 'f_0406', clmc: '发票', bx: '1' },
    { name: 'f_0407', clmc: '发票明细', bx: '0' }
  ];
  var $form = $('#form1');
  var cur = 1;
  var fpIndex = 0;

  var REQ1 = [
    ['f_0188', '请选择办理方式'],
    ['f_0192', '请填写报销人姓名'],
    ['f_0193', '请填写报销人身份证'],
    ['f_0195', '请填写委托人姓名', 'wt'],
    ['f_0196', '请填写委托人身份证号', 'wt'],
    ['f_0201', '请填写联系电话'],
    ['f_0205', '请填写就诊日期'],
    ['f_0207', '请选择开户银行'],
    ['f_0208', '请填写银行账号'],
    ['f_0211', '请选择所在区'],
    ['f_0212', '请填写详细地址']
  ];
  var FORMAT = {
    f_0193: [/^\d{17}[\dXx]$/, '身份证号码格式不正确'],
    f_0196: [/^\d{17}[\dXx]$/, '身份证号码格式不正确'],
    f_0201: [/^1\d{10}$/, '手机号码格式不正确'],
    f_0205: [/^\d{4}-\d{2}-\d{2}$/, '日期格式应为yyyy-mm-dd'],
    f_0208: [/^\d{12,19}$/, '银行账号应为12-19位数字']
  };

  function isWt() { return $form.find('[name=f_0188]:checked').val() === '02'; }
  function hasZy() { return $('#tbFp tbody input[name$=".f_0314"]').filter(function () { return this.value === '21'; }).length > 0; }

  function clearErr($scope) {
    $scope.find('.has-error').removeClass('has-error');
    $scope.find('.err-msg').remove();
  }
  function showErr($el, msg) {
    var $holder = $el.closest('td').length ? $el.closest('td') : $el.closest('[class*=col-sm]');
    if ($el.is(':radio')) $holder = $el.closest('.col-sm-10');
    $holder.addClass('has-error');
    if (!$holder.find('.err-msg').length) $holder.append('<span class="help-block err-msg">' + msg + '</span>');
  }
  function val(name) {
    var $el = $form.find('[name="' + name + '"]');
    if ($el.is(':radio')) return $el.filter(':checked').val() || '';
    return $.trim($el.val() || '');
  }

  function validateStep1() {
    var $pane = $('#pane1');
    clearErr($pane);
    var ok = true;
    $.each(REQ1, function (_, r) {
      if (r[2] === 'wt' && !isWt()) return;
      var v = val(r[0]);
      var $el = $form.find('[name="' + r[0] + '"]');
      if (!v) { showErr($el, r[1]); ok = false; return; }
      var f = FORMAT[r[0]];
      if (f && !f[0].test(v)) { showErr($el, f[1]); ok = false; }
    });
    if (!ok) {
      var $first = $pane.find('.has-error').first();
      if ($first.length) $('html,body').scrollTop($first.offset().top - 80);
      alert('请正确填写带*号的必填项');
    }
    return ok;
  }

  function show(n) {
    cur = n;
    $('.step-pane').hide();
    $('#pane' + n).show();
    $('.step-nav li').removeClass('active').eq(n - 1).addClass('active');
    $('#btnPrev').toggle(n > 1);
    $('#btnNext').toggle(n < 3);
    $('#btnSubmit').toggle(n === 3);
    if (n === 3) refreshStars();
    window.scrollTo(0, 0);
  }

  function refreshStars() {
    $('.cl-wt .cond-star').toggle(isWt());
    $('.cl-zy .cond-star').toggle(hasZy());
  }

  $form.on('change', '[name=f_0188]', function () {
    $('.row-wt').toggle(isWt());
    refreshStars();
  });

  $('#btnNext').on('click', function () {
    if (cur === 1) { if (validateStep1()) show(2); return; }
    if (cur === 2) {
      if (!$('#tbFp tbody tr.fp-row').length) { alert('请至少新增一条发票信息'); return; }
      show(3);
    }
  });
  $('#btnPrev').on('click', function () { if (cur > 1) show(cur - 1); });

  // ---- 发票 ----
  var $m = $('#fpModal');
  function mval(k) { return $.trim($m.find('[name=' + k + ']').val() || ''); }
  $('#btnAddFp').on('click', function () {
    $m.find('input').val('');
    $m.find('select').val('');
    $m.find('.fp-zy').hide();
    clearErr($m);
    $m.modal('show');
  });
  $m.on('change', '[name=f_0314]', function () { $m.find('.fp-zy').toggle(this.value === '21'); });
  function mErr(k, msg) {
    var $c = $m.find('[name=' + k + ']').closest('[class*=col-sm]');
    $c.addClass('has-error').append('<span class="help-block err-msg">' + msg + '</span>');
  }
  $('#btnFpOk').on('click', function () {
    clearErr($m);
    var ok = true, d = /^\d{4}-\d{2}-\d{2}$/;
    var need = [['f_0311', '请填写票据代码'], ['f_0312', '请填写票据号码'], ['f_0313', '请填写开票日期'], ['f_0314', '请选择就诊类型'], ['f_0315', '请填写收款单位'], ['f_0316', '请填写金额']];
    if (mval('f_0314') === '21') need.push(['f_0317', '请填写入院日期'], ['f_0318', '请填写出院日期']);
    $.each(need, function (_, n) { if (!mval(n[0])) { mErr(n[0], n[1]); ok = false; } });
    if (mval('f_0313') && !d.test(mval('f_0313'))) { mErr('f_0313', '日期格式应为yyyy-mm-dd'); ok = false; }
    if (mval('f_0316') && !/^\d+(\.\d{1,2})?$/.test(mval('f_0316'))) { mErr('f_0316', '金额格式不正确'); ok = false; }
    if (!ok) return;
    var i = fpIndex++;
    var row = {};
    $.each(['f_0311', 'f_0312', 'f_0313', 'f_0314', 'f_0315', 'f_0316', 'f_0317', 'f_0318'], function (_, k) { row[k] = mval(k); });
    if (row.f_0314 !== '21') { row.f_0317 = ''; row.f_0318 = ''; }
    var hidden = $.map(row, function (v, k) { return '<input type="hidden" name="fp_list[' + i + '].' + k + '" value="' + $('<i>').text(v).html().replace(/"/g, '&quot;') + '">'; }).join('');
    var $tr = $('<tr class="fp-row">').append(
      $('<td class="xh">'), $('<td>').text(row.f_0311), $('<td>').text(row.f_0312), $('<td>').text(row.f_0313),
      $('<td>').text($m.find('[name=f_0314] option:selected').text()), $('<td>').text(row.f_0315), $('<td class="text-right">').text(row.f_0316),
      $('<td>').text(row.f_0317 ? row.f_0317 + ' 至 ' + row.f_0318 : '-'),
      $('<td>').html('<a href="javascript:;" class="fp-del text-danger">删除</a>' + hidden)
    );
    $('#tbFp tbody .empty-row').hide();
    $('#tbFp tbody').append($tr);
    renumber();
    $m.modal('hide');
  });
  $('#tbFp').on('click', '.fp-del', function () {
    if (!confirm('确定删除该条发票信息吗？')) return;
    $(this).closest('tr').remove();
    renumber();
  });
  function renumber() {
    var $rows = $('#tbFp tbody tr.fp-row');
    $rows.each(function (i) { $(this).find('td.xh').text(i + 1); });
    $('#tbFp tbody .empty-row').toggle($rows.length === 0);
  }

  // ---- 材料 ----
  $form.on('change', 'input[type=file]', function () {
    var $ul = $(this).siblings('ul.file-names').empty();
    $.each(this.files || [], function (_, f) { $ul.append($('<li>').append('<span class="glyphicon glyphicon-paperclip"></span> ', $('<span>').text(f.name))); });
  });

  $('#btnSubmit').on('click', function () {
    var missing = [];
    $.each(CLXX, function (_, m) {
      var need = m.bx === '1' || (m.bx === 'WT' && isWt()) || (m.bx === 'ZY' && hasZy());
      var input = $form.find('input[name=' + m.name + ']')[0];
      if (need && !(input.files && input.files.length)) missing.push(m.clmc);
    });
    if (missing.length) { alert('请上传以下材料：' + missing.join('、')); return; }
    $(this).prop('disabled', true).text('提交中...');
    $form[0].submit();
  });

});
