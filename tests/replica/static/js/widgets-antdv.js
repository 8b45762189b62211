/* 医疗费零星报销 在线申请 — Vue 3 + Ant Design Vue 4 (UMD builds, in-browser template). */
(function () {
  var DATA = window.__WIDGET_DATA__;
  var dayjs = window.dayjs;
  dayjs.locale('zh-cn');
  var banks = DATA.banks.map(function (b) { return { value: b.value, label: b.label }; });
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
  var required = function (message) { return [{ required: true, message: message, trigger: 'change' }]; };

  var app = Vue.createApp({
    template: `
<a-config-provider :locale="zhCN">
  <div class="site-head"><span style="font-size:18px">一网通办 · 医保服务</span>
    <a-input-search v-model:value="siteSearch" placeholder="搜索服务、事项" style="width:260px" /></div>
  <div class="apply-wrap">
    <a-steps :current="0" size="small" style="margin-bottom:24px" :items="[{ title: '填写申请信息' }, { title: '发票信息' }, { title: '上传材料' }]" />
    <a-form ref="formRef" :model="form" :rules="rules" :label-col="{ span: 6 }" :wrapper-col="{ span: 14 }">
      <a-form-item label="申请方式" name="mode">
        <a-radio-group v-model:value="form.mode">
          <a-radio value="self">本人申请</a-radio>
          <a-radio value="agent">委托代办</a-radio>
        </a-radio-group>
      </a-form-item>
      <a-form-item label="报销人姓名" name="name"><a-input v-model:value="form.name" placeholder="请输入" /></a-form-item>
      <a-form-item label="报销人身份证号" name="idNo"><a-input v-model:value="form.idNo" placeholder="请输入18位身份证号" /></a-form-item>
      <template v-if="form.mode === 'agent'">
        <a-divider orientation="left">代办人信息</a-divider>
        <a-form-item label="代办人姓名" name="agentName"><a-input v-model:value="form.agentName" placeholder="请输入" /></a-form-item>
        <a-form-item label="代办人身份证号" name="agentIdNo"><a-input v-model:value="form.agentIdNo" placeholder="请输入18位身份证号" /></a-form-item>
      </template>
      <a-divider orientation="left">联系及收款信息</a-divider>
      <a-form-item label="联系电话" name="mobile"><a-input v-model:value="form.mobile" placeholder="请输入手机号码" /></a-form-item>
      <a-form-item label="紧急联系人电话" name="emergencyPhone"><a-input v-model:value="form.emergencyPhone" /></a-form-item>
      <a-form-item label="申请日期" name="date"><a-date-picker v-model:value="form.date" value-format="YYYY-MM-DD" style="width:100%" /></a-form-item>
      <a-form-item label="开户银行" name="bank">
        <a-select v-model:value="form.bank" show-search :options="banks" option-filter-prop="label" placeholder="请选择开户银行" />
      </a-form-item>
      <a-form-item label="银行账号" name="bankCardNo"><a-input v-model:value="form.bankCardNo" placeholder="请输入" /></a-form-item>
      <a-form-item label="邮寄地址" name="region">
        <a-cascader v-model:value="form.region" :options="regions" placeholder="请选择省 / 市 / 区" />
      </a-form-item>
      <a-form-item label="详细地址" name="addressDetail"><a-textarea v-model:value="form.addressDetail" :rows="2" placeholder="街道、门牌号" /></a-form-item>
      <a-form-item label="验证码" name="captcha">
        <a-input v-model:value="form.captcha" style="width:140px" /><img src="/api/captcha" alt="验证码" style="height:32px;vertical-align:middle;margin-left:8px">
      </a-form-item>
      <a-form-item :wrapper-col="{ offset: 6, span: 14 }">
        <a-button type="primary" @click="submit">提交</a-button>
      </a-form-item>
    </a-form>
  </div>
</a-config-provider>`,
    setup: function () {
      var form = Vue.reactive({ mode: '', name: '', idNo: '', agentName: '', agentIdNo: '', mobile: '', emergencyPhone: '', date: '', bank: undefined, bankCardNo: '', region: [], addressDetail: '', captcha: '' });
      var formRef = Vue.ref();
      var submitted = Vue.ref(false);
      var siteSearch = Vue.ref('');
      var rules = {
        mode: required('请选择申请方式'),
        name: required('请输入报销人姓名'),
        idNo: required('请输入报销人身份证号'),
        agentName: required('请输入代办人姓名'),
        agentIdNo: required('请输入代办人身份证号'),
        mobile: required('请输入联系电话'),
        date: required('请选择申请日期'),
        bank: required('请选择开户银行'),
        bankCardNo: required('请输入银行账号'),
        region: [{ required: true, type: 'array', message: '请选择邮寄地址', trigger: 'change' }],
        addressDetail: required('请输入详细地址'),
      };
      function submit() {
        formRef.value.validate().then(function () {
          return fetch('/api/widgets/antdv/submit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(Vue.toRaw(form)) });
        }).then(function () { submitted.value = true; antd.message.success('提交成功'); }).catch(function () {});
      }
      window.__replica = {
        state: function () {
          var bank = banks.find(function (b) { return b.value === form.bank; });
          var region = labelsOf(form.region);
          return {
            library: 'ant-design-vue',
            step: 'basic',
            submitted: submitted.value,
            form: {
              handleMode: form.mode === 'self' ? '本人申请' : form.mode === 'agent' ? '委托代办' : '',
              reimburserName: form.name,
              reimburserIdNo: form.idNo,
              agentName: form.agentName,
              agentIdNo: form.agentIdNo,
              mobile: form.mobile,
              emergencyPhone: form.emergencyPhone,
              date: form.date || '',
              bank: bank ? bank.label : '',
              bankCardNo: form.bankCardNo,
              region: region,
              district: region.length ? region[region.length - 1] : '',
              addressDetail: form.addressDetail,
              captcha: form.captcha,
              siteSearch: siteSearch.value,
            },
            raw: JSON.parse(JSON.stringify(Vue.toRaw(form))),
          };
        },
      };
      return { form: form, formRef: formRef, rules: rules, banks: banks, regions: regions, submit: submit, siteSearch: siteSearch, zhCN: antd.locales.zh_CN };
    },
  });
  app.use(antd);
  app.mount('#app');
  document.documentElement.setAttribute('data-replica-ready', 'antdv');
})();
