/* 网上申请 — 办理医疗费零星报销 (Vue 2 + Element UI). Replica of a 一网通办 application SPA. */
(function () {
  'use strict';
  var CONF = window.__GOV_APPLY_CONF__ || {};
  var STEPS = [
    { seg: 'basic', title: '基本信息' },
    { seg: 'invoice', title: '发票信息' },
    { seg: 'materials', title: '材料上传' }
  ];
  var JZLX = [{ value: '1', label: '门诊' }, { value: '2', label: '急诊' }, { value: '3', label: '住院' }];
  var BLFS = { '1': '本人办理', '2': '委托人办理' };

  function clone(v) { return JSON.parse(JSON.stringify(v)); }
  function labelOf(list, v) { for (var i = 0; i < (list || []).length; i++) if (list[i].value === v) return list[i].label; return ''; }
  function regionLabels(regions, codes) {
    var out = [], level = regions;
    (codes || []).forEach(function (c) {
      var n = (level || []).filter(function (o) { return o.value === c; })[0];
      if (n) { out.push(n.label); level = n.children; }
    });
    return out;
  }
  function stepFromPath() {
    var seg = location.pathname.replace(/\/+$/, '').split('/').pop();
    for (var i = 0; i < STEPS.length; i++) if (STEPS[i].seg === seg) return i;
    return 0;
  }
  var idCardRe = /^[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]$/;
  function idValidator(rule, value, cb) {
    if (!value) return cb();
    if (!idCardRe.test(String(value).trim())) return cb(new Error('请输入正确的18位身份证号码'));
    cb();
  }
  function mobileValidator(rule, value, cb) {
    if (!value) return cb();
    if (!/^1[3-9]\d{9}$/.test(String(value).trim())) return cb(new Error('请输入正确的手机号码'));
    cb();
  }
  function cardValidator(rule, value, cb) {
    if (!value) return cb();
    if (!/^\d{12,19}$/.test(String(value).replace(/\s+/g, ''))) return cb(new Error('银行卡号应为12-19位数字'));
    cb();
  }
  function amountValidator(rule, value, cb) {
    if (value === '' || value == null) return cb();
    if (!/^\d+(\.\d{1,2})?$/.test(String(value).trim()) || Number(value) <= 0) return cb(new Error('请输入正确的金额'));
    cb();
  }
  function digitsValidator(name) {
    return function (rule, value, cb) {
      if (!value) return cb();
      if (!/^\d+$/.test(String(value).trim())) return cb(new Error(name + '只能为数字'));
      cb();
    };
  }

  var TEMPLATE = [
    '<div class="apply-page">',
    '  <div class="gp-header-bar" v-if="!embedded">',
    '    <div class="gp-wrap clearfix">',
    '      <a class="gp-logo" href="/"><span class="gp-logo-emblem">沪</span><span class="gp-logo-t1">上海市</span><span class="gp-logo-t2">一网通办</span></a>',
    '      <div class="hd-search">',
    '        <el-input v-model="keyword" size="small" placeholder="搜索 事项" prefix-icon="el-icon-search" clearable @keyup.enter.native="doSearch"></el-input>',
    '        <el-button size="small" type="primary" @click="doSearch">搜索</el-button>',
    '      </div>',
    '      <div class="hd-user"><i class="el-icon-user-solid"></i> <a href="/govPortals/my/banjian">张**</a> 您好 <el-divider direction="vertical"></el-divider><a href="javascript:;">退出</a></div>',
    '    </div>',
    '  </div>',
    '  <div class="gp-wrap apply-main">',
    '    <el-breadcrumb separator-class="el-icon-arrow-right" class="apply-crumb" v-if="!embedded">',
    '      <el-breadcrumb-item><a href="/">首页</a></el-breadcrumb-item>',
    '      <el-breadcrumb-item>松江区医疗保障局</el-breadcrumb-item>',
    '      <el-breadcrumb-item>网上申请</el-breadcrumb-item>',
    '    </el-breadcrumb>',
    '    <div class="apply-card">',
    '      <div class="apply-title"><h2>{{ itemName || "\u00a0" }}</h2><span class="apply-dept" v-if="deptName">实施主体：{{ deptName }}</span></div>',
    '      <div v-if="loading" class="apply-loading" v-loading="true" element-loading-text="正在加载事项配置..." element-loading-spinner="el-icon-loading"></div>',
    '      <div v-else-if="loadError" class="apply-error"><el-alert type="error" :closable="false" show-icon :title="loadError"></el-alert></div>',
    '      <div v-else-if="done" class="apply-done">',
    '        <el-result icon="success" title="提交成功" :sub-title="\'您的申请已提交，办件编号：\' + bjbh + \'。预审通过后将以短信通知您，请留意。\'">',
    '          <template slot="extra"><el-button type="primary" size="medium" @click="goBanjian">查看我的办件</el-button></template>',
    '        </el-result>',
    '      </div>',
    '      <template v-else>',
    '        <el-steps :active="step" finish-status="success" align-center class="apply-steps">',
    '          <el-step v-for="s in steps" :key="s.seg" :title="s.title"></el-step>',
    '        </el-steps>',

    // ---------------- 基本信息 ----------------
    '        <div v-show="step === 0" class="step-pane">',
    '          <el-alert type="info" :closable="false" class="apply-tip" title="温馨提示：标有 * 号的为必填项。报销人为发票上的姓名；委托人为一网通办账号本人。邮寄地址仅限上海市松江区。"></el-alert>',
    '          <el-form ref="basicForm" :model="form" :rules="basicRules" label-width="170px" size="medium" class="apply-form">',
    '            <div class="form-section-title">申请人信息</div>',
    '            <el-form-item label="办理方式" prop="blfs">',
    '              <el-radio-group v-model="form.blfs">',
    '                <el-radio label="1">本人办理</el-radio>',
    '                <el-radio label="2">委托人办理</el-radio>',
    '              </el-radio-group>',
    '              <div class="form-help">本人的发票进行报销选择本人办理；报销发票是其他人的，选择委托人办理</div>',
    '            </el-form-item>',
    '            <el-row>',
    '              <el-col :span="12"><el-form-item label="报销人姓名：" prop="bxrxm"><el-input v-model.trim="form.bxrxm" placeholder="请输入发票上的姓名" maxlength="30"></el-input></el-form-item></el-col>',
    '              <el-col :span="12"><el-form-item label="报销人身份证号" prop="bxrsfzh"><el-input v-model.trim="form.bxrsfzh" placeholder="请输入报销人身份证号" maxlength="18"></el-input></el-form-item></el-col>',
    '            </el-row>',
    '            <el-row v-if="form.blfs === \'2\'">',
    '              <el-col :span="12"><el-form-item label="委托人姓名" prop="wtrxm"><el-input v-model.trim="form.wtrxm" placeholder="请输入委托人姓名" maxlength="30"></el-input></el-form-item></el-col>',
    '              <el-col :span="12"><el-form-item label="委托人身份证号" prop="wtrsfzh"><el-input v-model.trim="form.wtrsfzh" placeholder="请输入委托人身份证号" maxlength="18"></el-input></el-form-item></el-col>',
    '            </el-row>',
    '            <el-row>',
    '              <el-col :span="12"><el-form-item label="手机号码" prop="sjhm"><el-input v-model.trim="form.sjhm" placeholder="用于接收审核短信" maxlength="11"></el-input></el-form-item></el-col>',
    '              <el-col :span="12"><el-form-item label="紧急联系人电话" prop="jjlxrdh"><el-input v-model.trim="form.jjlxrdh" placeholder="选填"></el-input></el-form-item></el-col>',
    '            </el-row>',
    '            <el-row>',
    '              <el-col :span="12"><el-form-item label="单位电话" prop="dwdh"><el-input v-model.trim="form.dwdh" placeholder="选填，如 021-12345678"></el-input></el-form-item></el-col>',
    '              <el-col :span="12"><el-form-item label="申请日期" prop="sqrq"><el-date-picker v-model="form.sqrq" type="date" value-format="yyyy-MM-dd" placeholder="选择日期" style="width:100%"></el-date-picker></el-form-item></el-col>',
    '            </el-row>',
    '            <div class="form-section-title">银行账户信息</div>',
    '            <el-row>',
    '              <el-col :span="12"><el-form-item label="开户银行" prop="khyh">',
    '                <el-select v-model="form.khyh" placeholder="请选择开户银行" style="width:100%">',
    '                  <el-option v-for="b in banks" :key="b.value" :label="b.label" :value="b.value"></el-option>',
    '                </el-select>',
    '              </el-form-item></el-col>',
    '              <el-col :span="12"><el-form-item label="银行卡号（报销人本人）" prop="yhkh"><el-input v-model.trim="form.yhkh" placeholder="请输入报销人本人的银行卡号" maxlength="23"></el-input></el-form-item></el-col>',
    '            </el-row>',
    '            <div class="form-section-title">邮寄信息</div>',
    '            <el-form-item label="邮寄地址：" prop="szqy">',
    '              <el-cascader v-model="form.szqy" :options="regions" placeholder="请选择省/市/区" style="width:360px"></el-cascader>',
    '              <span class="form-help-inline">目前仅支持上海市松江区内地址</span>',
    '            </el-form-item>',
    '            <el-form-item label="详细地址" prop="xxdz">',
    '              <el-input type="textarea" v-model.trim="form.xxdz" :rows="2" placeholder="请填写街道（镇）、路、门牌号、小区、楼栋、室号" maxlength="100" show-word-limit></el-input>',
    '            </el-form-item>',
    '            <el-form-item label="验证码" prop="yzm" class="captcha-item">',
    '              <el-input v-model.trim="form.yzm" placeholder="请输入右侧验证码" style="width:200px" maxlength="4"></el-input>',
    '              <img :src="captchaSrc" class="captcha-img" alt="验证码" title="看不清？换一张" @click="refreshCaptcha">',
    '            </el-form-item>',
    '          </el-form>',
    '        </div>',

    // ---------------- 发票信息 ----------------
    '        <div v-show="step === 1" class="step-pane">',
    '          <div class="table-toolbar"><span class="form-section-title inline">发票信息</span>',
    '            <el-button type="primary" size="small" icon="el-icon-plus" @click="openInvoice">新增</el-button></div>',
    '          <el-table :data="invoices" border stripe size="small" empty-text="暂无发票信息，请点击“新增”添加" class="invoice-table">',
    '            <el-table-column type="index" label="序号" width="55" align="center"></el-table-column>',
    '            <el-table-column prop="pjdm" label="票据代码" min-width="110"></el-table-column>',
    '            <el-table-column prop="pjhm" label="票据号码" min-width="120"></el-table-column>',
    '            <el-table-column prop="kprq" label="开票日期" width="110"></el-table-column>',
    '            <el-table-column label="就诊类型" width="90"><template slot-scope="scope">{{ jzlxText(scope.row.jzlx) }}</template></el-table-column>',
    '            <el-table-column prop="yljgmc" label="医疗机构名称" min-width="180" show-overflow-tooltip></el-table-column>',
    '            <el-table-column prop="je" label="金额(元)" width="100" align="right"></el-table-column>',
    '            <el-table-column label="住院起止日期" min-width="190"><template slot-scope="scope">{{ scope.row.zyqzrq && scope.row.zyqzrq.length ? scope.row.zyqzrq.join(" 至 ") : "-" }}</template></el-table-column>',
    '            <el-table-column label="操作" width="80" align="center"><template slot-scope="scope">',
    '              <el-button type="text" size="small" class="danger-text" @click="removeInvoice(scope.$index)">删除</el-button>',
    '            </template></el-table-column>',
    '          </el-table>',
    '          <div class="invoice-sum" v-if="invoices.length">共 {{ invoices.length }} 张发票，合计金额：<b>{{ totalAmount }}</b> 元</div>',
    '        </div>',

    // ---------------- 材料上传 ----------------
    '        <div v-show="step === 2" class="step-pane">',
    '          <el-alert type="warning" :closable="false" class="apply-tip" title="请上传清晰的材料照片或扫描件（支持 jpg、png、pdf，单个文件不超过10MB）。"></el-alert>',
    '          <table class="material-table">',
    '            <thead><tr><th style="width:60px">序号</th><th style="width:300px">材料名称</th><th>材料说明</th><th style="width:320px">上传</th></tr></thead>',
    '            <tbody>',
    '              <tr v-for="(m, i) in materials" :key="m.label">',
    '                <td class="c">{{ i + 1 }}</td>',
    '                <td><span class="material-star" v-if="isMaterialRequired(m)">*</span>{{ m.label }}</td>',
    '                <td class="material-tip">{{ m.tip }}</td>',
    '                <td>',
    '                  <el-upload action="/api/apply/upload" :auto-upload="false" multiple accept="image/*,.pdf" :on-change="function (f, fl) { onFiles(m.label, fl) }" :on-remove="function (f, fl) { onFiles(m.label, fl) }">',
    '                    <el-button size="small" type="primary" plain icon="el-icon-upload2">选择文件</el-button>',
    '                  </el-upload>',
    '                </td>',
    '              </tr>',
    '            </tbody>',
    '          </table>',
    '        </div>',

    '        <div class="apply-actions">',
    '          <el-button v-if="step > 0" @click="prev">上一步</el-button>',
    '          <el-button @click="saveDraft" plain>暂存</el-button>',
    '          <el-button v-if="step < steps.length - 1" type="primary" @click="next">下一步</el-button>',
    '          <el-button v-if="step === steps.length - 1" type="primary" :loading="submitting" @click="submit">提交</el-button>',
    '        </div>',
    '      </template>',
    '    </div>',
    '  </div>',

    // ---------------- 新增发票 dialog ----------------
    '  <el-dialog title="新增发票信息" :visible.sync="invoiceDialog" width="640px" append-to-body :close-on-click-modal="false" @closed="resetInvoice">',
    '    <el-form ref="invoiceForm" :model="inv" :rules="invoiceRules" label-width="120px" size="small">',
    '      <el-form-item label="票据代码" prop="pjdm"><el-input v-model.trim="inv.pjdm" placeholder="请输入票据代码"></el-input></el-form-item>',
    '      <el-form-item label="票据号码" prop="pjhm"><el-input v-model.trim="inv.pjhm" placeholder="请输入票据号码"></el-input></el-form-item>',
    '      <el-form-item label="开票日期" prop="kprq"><el-date-picker v-model="inv.kprq" type="date" value-format="yyyy-MM-dd" placeholder="选择日期" style="width:100%"></el-date-picker></el-form-item>',
    '      <el-form-item label="就诊类型" prop="jzlx">',
    '        <el-select v-model="inv.jzlx" placeholder="请选择" style="width:100%"><el-option v-for="o in jzlxOptions" :key="o.value" :label="o.label" :value="o.value"></el-option></el-select>',
    '      </el-form-item>',
    '      <el-form-item label="医疗机构名称" prop="yljgmc"><el-input v-model.trim="inv.yljgmc" placeholder="请输入发票上的医疗机构（收款单位）名称"></el-input></el-form-item>',
    '      <el-form-item label="金额(元)" prop="je"><el-input v-model.trim="inv.je" placeholder="0.00"><template slot="append">元</template></el-input></el-form-item>',
    '      <el-form-item v-if="inv.jzlx === \'3\'" label="住院起止日期" prop="zyqzrq">',
    '        <el-date-picker v-model="inv.zyqzrq" type="daterange" value-format="yyyy-MM-dd" range-separator="至" start-placeholder="入院日期" end-placeholder="出院日期" style="width:100%"></el-date-picker>',
    '      </el-form-item>',
    '    </el-form>',
    '    <span slot="footer" class="dialog-footer">',
    '      <el-button size="small" @click="invoiceDialog = false">取 消</el-button>',
    '      <el-button size="small" type="primary" @click="confirmInvoice">确 定</el-button>',
    '    </span>',
    '  </el-dialog>',
    '</div>'
  ].join('\n');

  function emptyInvoice() { return { pjdm: '', pjhm: '', kprq: '', jzlx: '', yljgmc: '', je: '', zyqzrq: [] }; }

  var vm = new Vue({
    el: '#app',
    template: TEMPLATE,
    data: function () {
      return {
        embedded: !!CONF.embedded,
        loading: true,
        loadError: '',
        itemId: CONF.itemId,
        itemName: '',
        deptName: '',
        banks: [],
        regions: [],
        steps: STEPS,
        step: 0,
        keyword: '',
        captchaSrc: '/api/captcha?t=' + Date.now(),
        form: {
          blfs: '', bxrxm: '', bxrsfzh: '', wtrxm: '', wtrsfzh: '', sjhm: '', jjlxrdh: '', dwdh: '', sqrq: '',
          khyh: '', yhkh: '', szqy: [], xxdz: '', yzm: ''
        },
        invoices: [],
        invoiceDialog: false,
        inv: emptyInvoice(),
        jzlxOptions: JZLX,
        materials: [],
        files: {},
        submitting: false,
        done: false,
        bjbh: '',
        enterSubmits: []
      };
    },
    computed: {
      basicRules: function () {
        function req(msg, trigger) { return { required: true, message: msg, trigger: trigger || 'blur' }; }
        return {
          blfs: [req('请选择办理方式', 'change')],
          bxrxm: [req('请输入报销人姓名')],
          bxrsfzh: [req('请输入报销人身份证号'), { validator: idValidator, trigger: 'blur' }],
          wtrxm: [req('请输入委托人姓名')],
          wtrsfzh: [req('请输入委托人身份证号'), { validator: idValidator, trigger: 'blur' }],
          sjhm: [req('请输入手机号码'), { validator: mobileValidator, trigger: 'blur' }],
          jjlxrdh: [{ validator: mobileOrPhone, trigger: 'blur' }],
          sqrq: [req('请选择申请日期', 'change')],
          khyh: [req('请选择开户银行', 'change')],
          yhkh: [req('请输入银行卡号'), { validator: cardValidator, trigger: 'blur' }],
          szqy: [{ type: 'array', required: true, message: '请选择所在省/市/区', trigger: 'change' }],
          xxdz: [req('请输入详细地址')]
        };
      },
      invoiceRules: function () {
        function req(msg, trigger) { return { required: true, message: msg, trigger: trigger || 'blur' }; }
        return {
          pjdm: [req('请输入票据代码'), { validator: digitsValidator('票据代码'), trigger: 'blur' }],
          pjhm: [req('请输入票据号码'), { validator: digitsValidator('票据号码'), trigger: 'blur' }],
          kprq: [req('请选择开票日期', 'change')],
          jzlx: [req('请选择就诊类型', 'change')],
          yljgmc: [req('请输入医疗机构名称')],
          je: [req('请输入金额'), { validator: amountValidator, trigger: 'blur' }],
          zyqzrq: [{ type: 'array', required: true, message: '请选择住院起止日期', trigger: 'change' }]
        };
      },
      totalAmount: function () {
        return this.invoices.reduce(function (s, r) { return s + Number(r.je || 0); }, 0).toFixed(2);
      },
      hasInpatient: function () {
        return this.invoices.some(function (r) { return r.jzlx === '3'; });
      }
    },
    created: function () {
      var self = this;
      // deep links to a later step start over at 基本信息 (nothing is kept between visits)
      if (stepFromPath() !== 0) history.replaceState({ step: 0 }, '', CONF.basePath + 'basic' + location.search);
      fetch('/api/apply/config?itemId=' + encodeURIComponent(CONF.itemId), { credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
        .then(function (res) {
          var d = res.data;
          self.itemName = d.itemName; self.deptName = d.deptName; self.banks = d.banks; self.regions = d.regions;
          var files = {};
          self.materials = (d.materials || []).map(function (m) {
            files[m.clmc] = [];
            return { label: m.clmc, tip: m.sm, required: m.bx === '1' ? true : m.bx === 'WT' ? 'delegate' : m.bx === 'ZY' ? 'inpatient' : false };
          });
          self.files = files;
          document.title = d.itemName + ' - ' + document.title.replace(/^.* - /, '');
          self.loading = false;
        })
        .catch(function () { self.loading = false; self.loadError = '事项配置加载失败，请刷新页面重试'; });
      window.addEventListener('popstate', function () { self.step = stepFromPath(); });
    },
    methods: {
      doSearch: function () { this.$message({ type: 'info', message: '搜索服务暂不可用' }); },
      refreshCaptcha: function () { this.captchaSrc = '/api/captcha?t=' + Date.now(); },
      goBanjian: function () { (window.top || window).location.href = '/govPortals/my/banjian'; },
      jzlxText: function (v) { return labelOf(JZLX, v); },
      isMaterialRequired: function (m) {
        if (m.required === true) return true;
        if (m.required === 'delegate') return this.form.blfs === '2';
        if (m.required === 'inpatient') return this.hasInpatient;
        return false;
      },
      go: function (i) {
        this.step = i;
        history.pushState({ step: i }, '', CONF.basePath + STEPS[i].seg + location.search);
        window.scrollTo(0, 0);
      },
      prev: function () { if (this.step > 0) this.go(this.step - 1); },
      next: function () {
        var self = this;
        if (self.step === 0) {
          self.$refs.basicForm.validate(function (ok) {
            if (!ok) { self.$message.error('请完善基本信息中的必填项'); return; }
            self.go(1);
          });
        } else if (self.step === 1) {
          if (!self.invoices.length) { self.$message.warning('请至少新增一条发票信息'); return; }
          self.go(2);
        }
      },
      saveDraft: function () { this.$message.success('暂存成功'); },
      openInvoice: function () { this.inv = emptyInvoice(); this.invoiceDialog = true; },
      resetInvoice: function () { if (this.$refs.invoiceForm) this.$refs.invoiceForm.clearValidate(); },
      confirmInvoice: function () {
        var self = this;
        self.$refs.invoiceForm.validate(function (ok) {
          if (!ok) return;
          var row = clone(self.inv);
          if (row.jzlx !== '3') row.zyqzrq = [];
          self.invoices.push(row);
          self.invoiceDialog = false;
        });
      },
      removeInvoice: function (i) { this.invoices.splice(i, 1); },
      onFiles: function (label, fileList) { this.$set(this.files, label, fileList.slice()); },
      state: function () {
        var f = this.form, self = this;
        var uploads = {};
        Object.keys(this.files).forEach(function (k) { uploads[k] = self.files[k].map(function (x) { return x.name; }); });
        var region = regionLabels(this.regions, f.szqy);
        return clone({
          step: this.done ? 'submitted' : STEPS[this.step].seg,
          stepIndex: this.step,
          stepTitle: this.done ? '提交成功' : STEPS[this.step].title,
          loading: this.loading,
          submitted: this.done,
          itemId: this.itemId,
          itemName: this.itemName,
          form: {
            handleMode: BLFS[f.blfs] || '',
            reimburserName: f.bxrxm,
            reimburserIdNo: f.bxrsfzh,
            agentName: f.blfs === '2' ? f.wtrxm : '',
            agentIdNo: f.blfs === '2' ? f.wtrsfzh : '',
            mobile: f.sjhm,
            emergencyPhone: f.jjlxrdh,
            workPhone: f.dwdh,
            date: f.sqrq || '',
            bank: labelOf(this.banks, f.khyh),
            bankCardNo: f.yhkh,
            region: region,
            district: region.length ? region[region.length - 1] : '',
            addressDetail: f.xxdz,
            captcha: f.yzm
          },
          invoices: this.invoices.map(function (r) {
            return { code: r.pjdm, number: r.pjhm, date: r.kprq || '', type: labelOf(JZLX, r.jzlx), hospital: r.yljgmc, amount: r.je, inpatientRange: r.zyqzrq && r.zyqzrq.length ? r.zyqzrq : null };
          }),
          uploads: uploads,
          raw: { form: f, invoices: this.invoices },
          enterSubmits: CONF.submitOnEnter ? this.enterSubmits : undefined
        });
      },
      // The "quick" variant (CONF.submitOnEnter): Enter anywhere in the application submits it at
      // once, as it stands — as older portal pages do with document.onkeydown / onkeyup.
      submitOnEnter: function (via) {
        var self = this;
        self.enterSubmits.push(via);
        var body = self.state();
        body.itemId = self.itemId;
        body.via = via;
        fetch('/api/apply/submit', {
          method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json;charset=UTF-8' },
          body: JSON.stringify(body)
        }).then(function () { self.$message.success('已提交'); }).catch(function () {});
      },
      submit: function () {
        var self = this;
        for (var i = 0; i < self.materials.length; i++) {
          var m = self.materials[i];
          if (self.isMaterialRequired(m) && !(self.files[m.label] || []).length) {
            self.$message.error('请上传' + m.label);
            return;
          }
        }
        self.submitting = true;
        var jobs = [];
        Object.keys(self.files).forEach(function (label) {
          self.files[label].forEach(function (f) {
            var fd = new FormData();
            fd.append('slot', label);
            fd.append('file', f.raw, f.name);
            jobs.push(fetch('/api/apply/upload', { method: 'POST', body: fd, credentials: 'same-origin' }).then(function (r) { return r.json(); }));
          });
        });
        Promise.all(jobs).then(function (results) {
          var bad = results.filter(function (x) { return x.code !== 200; })[0];
          if (bad) return bad;
          var body = self.state();
          body.itemId = self.itemId;
          return fetch('/api/apply/submit', {
            method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json;charset=UTF-8' },
            body: JSON.stringify(body)
          }).then(function (r) { return r.json(); });
        }).then(function (res) {
          self.submitting = false;
          if (res.code === 401) {
            self.$alert(res.msg || '登录已超时，请重新登录', '提示', { type: 'warning', confirmButtonText: '重新登录' })
              .then(function () { (window.top || window).location.href = 'https://zwdtuser.sh.gov.cn/uc/login/login.jsp?redirect_uri=' + encodeURIComponent(location.href); })
              .catch(function () {});
            return;
          }
          if (res.code !== 200) { self.$message.error(res.msg || '提交失败'); return; }
          self.bjbh = res.data.bjbh;
          self.done = true;
          self.$message.success('提交成功');
        }).catch(function () {
          self.submitting = false;
          self.$message.error('网络异常，提交失败，请稍后重试');
        });
      }
    }
  });

  function mobileOrPhone(rule, value, cb) {
    if (!value) return cb();
    if (!/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(String(value).trim())) return cb(new Error('请输入正确的联系电话'));
    cb();
  }

  if (CONF.submitOnEnter) {
    ['keydown', 'keyup'].forEach(function (type) {
      document.addEventListener(type, function (e) {
        var t = e.target;
        if ((e.keyCode || e.which) !== 13 || !t || !t.closest || !t.closest('.apply-card, .el-dialog__wrapper')) return;
        vm.submitOnEnter(type + ':' + (t.getAttribute('placeholder') || t.tagName));
      });
    });
  }

  window.__replica = { vm: vm, state: function () { return vm.state(); } };
})();
