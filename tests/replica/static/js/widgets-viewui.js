/* 医疗费零星报销申请 — Vue 2 + View UI 4 (view-design), UMD builds, in-browser template. */
(function () {
  var DATA = window.__WIDGET_DATA__;
  var regions = DATA.regions;
  function labelsOf(codes) {
    var out = [];
    var level = regions;
    (codes || []).forEach(function (c) {
      var n = (level || []).find(function (o) { return o.value === c; });
      if (!n) return;
      out.push(n.label);
      level = n.children;
    });
    return out;
  }
  function ymd(d) {
    if (!d) return '';
    if (typeof d === 'string') return d;
    var p = function (n) { return String(n).padStart(2, '0'); };
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
  }
  var req = function (message, extra) { return [Object.assign({ required: true, message: message, trigger: 'change' }, extra || {})]; };

  var vm = new Vue({
    el: '#app',
    template: `
<div>
  <div class="site-head"><span style="font-size:18px">松江区 医保网上经办</span>
    <i-input v-model="siteSearch" search placeholder="请输入搜索内容" style="width:240px" /></div>
  <div class="apply-wrap">
  <card :bordered="false">
    <p slot="title">医疗费零星报销申请 — 基本信息</p>
    <i-form ref="form" :model="form" :rules="rules" :label-width="140">
      <form-item label="办理方式" prop="mode">
        <radio-group v-model="form.mode">
          <radio label="本人办理"></radio>
          <radio label="他人代办"></radio>
        </radio-group>
      </form-item>
      <form-item label="报销人姓名" prop="name"><i-input v-model="form.name" placeholder="请输入姓名" /></form-item>
      <form-item label="报销人身份证号" prop="idNo"><i-input v-model="form.idNo" placeholder="请输入身份证号" /></form-item>
      <div v-if="form.mode === '他人代办'" class="agent-block">
        <divider orientation="left" size="small">经办人信息</divider>
        <form-item label="经办人姓名" prop="agentName"><i-input v-model="form.agentName" placeholder="请输入姓名" /></form-item>
        <form-item label="经办人身份证号" prop="agentIdNo"><i-input v-model="form.agentIdNo" placeholder="请输入身份证号" /></form-item>
      </div>
      <form-item label="联系电话" prop="mobile"><i-input v-model="form.mobile" placeholder="请输入手机号码" /></form-item>
      <form-item label="紧急联系人电话"><i-input v-model="form.emergencyPhone" /></form-item>
      <form-item label="申请日期" prop="date">
        <date-picker type="date" v-model="form.date" format="yyyy-MM-dd" placeholder="选择日期" style="width:220px"></date-picker>
      </form-item>
      <form-item label="开户银行" prop="bank">
        <i-select v-model="form.bank" filterable placeholder="请选择开户银行" name="bank">
          <i-option v-for="b in banks" :value="b.value" :key="b.value">{{ b.label }}</i-option>
        </i-select>
      </form-item>
      <form-item label="银行账号" prop="bankCardNo"><i-input v-model="form.bankCardNo" placeholder="请输入银行账号" /></form-item>
      <form-item label="邮寄地址" prop="region">
        <cascader :data="regions" v-model="form.region" placeholder="请选择所在地区"></cascader>
      </form-item>
      <form-item label="详细地址" prop="addressDetail"><i-input v-model="form.addressDetail" type="textarea" :rows="2" placeholder="街道、门牌号" /></form-item>
      <form-item label="验证码">
        <i-input v-model="form.captcha" style="width:140px" /><img src="/api/captcha" alt="验证码" style="height:32px;vertical-align:middle;margin-left:8px">
      </form-item>
      <form-item><i-button type="primary" @click="submit">提交</i-button></form-item>
    </i-form>
  </card>
  </div>
</div>`,
    data: function () {
      return {
        siteSearch: '',
        submitted: false,
        banks: DATA.banks,
        regions: regions,
        form: { mode: '', name: '', idNo: '', agentName: '', agentIdNo: '', mobile: '', emergencyPhone: '', date: '', bank: '', bankCardNo: '', region: [], addressDetail: '', captcha: '' },
        rules: {
          mode: req('请选择办理方式'),
          name: req('请输入报销人姓名', { trigger: 'blur' }),
          idNo: req('请输入报销人身份证号', { trigger: 'blur' }),
          agentName: req('请输入经办人姓名', { trigger: 'blur' }),
          agentIdNo: req('请输入经办人身份证号', { trigger: 'blur' }),
          mobile: req('请输入联系电话', { trigger: 'blur' }),
          date: req('请选择申请日期', { type: 'date' }),
          bank: req('请选择开户银行'),
          bankCardNo: req('请输入银行账号', { trigger: 'blur' }),
          region: req('请选择所在地区', { type: 'array' }),
          addressDetail: req('请输入详细地址', { trigger: 'blur' }),
        },
      };
    },
    methods: {
      submit: function () {
        var self = this;
        this.$refs.form.validate(function (ok) {
          if (!ok) return;
          fetch('/api/widgets/viewui/submit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(self.state().raw) })
            .then(function () { self.submitted = true; self.$Message.success('提交成功'); });
        });
      },
      state: function () {
        var f = this.form;
        var bank = this.banks.find(function (b) { return b.value === f.bank; });
        var region = labelsOf(f.region);
        return {
          library: 'view-design',
          step: 'basic',
          submitted: this.submitted,
          form: {
            handleMode: f.mode,
            reimburserName: f.name,
            reimburserIdNo: f.idNo,
            agentName: f.agentName,
            agentIdNo: f.agentIdNo,
            mobile: f.mobile,
            emergencyPhone: f.emergencyPhone,
            date: ymd(f.date),
            bank: bank ? bank.label : '',
            bankCardNo: f.bankCardNo,
            region: region,
            district: region.length ? region[region.length - 1] : '',
            addressDetail: f.addressDetail,
            captcha: f.captcha,
            siteSearch: this.siteSearch,
          },
          raw: JSON.parse(JSON.stringify(Object.assign({}, f, { date: ymd(f.date) }))),
        };
      },
    },
  });
  window.__replica = { vm: vm, state: function () { return vm.state(); } };
  document.documentElement.setAttribute('data-replica-ready', 'viewui');
})();
