// 我的办件 list and case detail with 物流申请 (Vue 2 + Element UI) on zwdt.sh.gov.cn.
import { doc, esc, inlineJson, portalHeaderHtml, portalFooterHtml } from './layout.mjs';
import { ITEMS, SH_DISTRICTS } from './data.mjs';

export const CASE_NO = 'SJ20260917000123';

const CASES = [
  { bjbh: CASE_NO, name: ITEMS[0].name, dept: '松江区医疗保障局', time: '2026-09-17 10:32:05', status: '预审通过', logistics: true },
  { bjbh: 'SH20260802004417', name: '居住证签注', dept: '松江区公安分局', time: '2026-08-02 15:11:48', status: '已办结', logistics: false },
];

const HEAD = `<link rel="stylesheet" href="/vendor/element-ui/theme-chalk/index.css">
<link rel="stylesheet" href="/static/css/portal.css">
<style>
.uc { display: flex; gap: 16px; margin-top: 16px; }
.uc-menu { width: 200px; background: #fff; border: 1px solid #e6e9ef; }
.uc-menu .uc-user { padding: 20px; text-align: center; border-bottom: 1px solid #eee; }
.uc-menu .uc-user .el-avatar { background: #c8161d; }
.uc-main { flex: 1; background: #fff; border: 1px solid #e6e9ef; padding: 16px 22px 26px; min-height: 460px; }
.uc-title { font-size: 17px; font-weight: bold; color: #1f2d3d; padding-bottom: 12px; border-bottom: 1px solid #eef0f4; margin-bottom: 16px; }
.detail-actions { margin: 18px 0; }
.sub-title { font-weight: bold; margin: 22px 0 12px; color: #1f5fbf; }
</style>
<script src="/vendor/vue.min.js"></script>
<script src="/vendor/element-ui/index.js"></script>`;

function menu(active) {
  return `<div class="uc-menu">
  <div class="uc-user"><el-avatar :size="56">张</el-avatar><div style="margin-top:8px">张**</div></div>
  <el-menu default-active="${active}" class="uc-nav">
    <el-menu-item index="home"><i class="el-icon-s-home"></i><span>个人首页</span></el-menu-item>
    <el-menu-item index="banjian" @click="location.href='/govPortals/my/banjian'"><i class="el-icon-document"></i><span>我的办件</span></el-menu-item>
    <el-menu-item index="zz"><i class="el-icon-postcard"></i><span>我的证照</span></el-menu-item>
    <el-menu-item index="sc"><i class="el-icon-star-off"></i><span>我的收藏</span></el-menu-item>
    <el-menu-item index="zx"><i class="el-icon-chat-dot-square"></i><span>我的咨询</span></el-menu-item>
  </el-menu>
</div>`;
}

export function list() {
  return doc({
    title: '我的办件 - 个人中心 - 上海市一网通办',
    head: HEAD,
    body: `${portalHeaderHtml()}
<div id="uc-app" class="gp-wrap">
  <div class="uc">
    ${menu('banjian')}
    <div class="uc-main">
      <div class="uc-title">我的办件</div>
      <el-form :inline="true" size="small">
        <el-form-item label="事项名称"><el-input v-model="q" placeholder="请输入事项名称"></el-input></el-form-item>
        <el-form-item><el-button type="primary" size="small">查询</el-button></el-form-item>
      </el-form>
      <el-table :data="cases" border size="small">
        <el-table-column prop="bjbh" label="办件编号" width="170"></el-table-column>
        <el-table-column prop="name" label="事项名称" min-width="220"></el-table-column>
        <el-table-column prop="dept" label="受理部门" width="150"></el-table-column>
        <el-table-column prop="time" label="申请时间" width="160"></el-table-column>
        <el-table-column label="办理状态" width="100"><template slot-scope="s"><el-tag size="mini" :type="s.row.status === '已办结' ? 'info' : 'success'">{{ s.row.status }}</el-tag></template></el-table-column>
        <el-table-column label="操作" width="110" align="center"><template slot-scope="s"><a :href="'/govPortals/my/banjian/detail?bjbh=' + s.row.bjbh">查看与评价</a></template></el-table-column>
      </el-table>
    </div>
  </div>
</div>
${portalFooterHtml()}
<script>
new Vue({ el: '#uc-app', data: { q: '', cases: ${inlineJson(CASES)} } });
</script>`,
  });
}

export function detail(bjbh) {
  const c = CASES.find((x) => x.bjbh === bjbh);
  if (!c) {
    return doc({ title: '办件详情 - 上海市一网通办', head: HEAD, body: `${portalHeaderHtml()}<div class="gp-wrap"><div class="nf" style="text-align:center;padding:80px;background:#fff;margin-top:20px"><p>未查询到该办件信息</p><a href="/govPortals/my/banjian">返回我的办件</a></div></div>` });
  }
  return doc({
    title: '办件详情 - 个人中心 - 上海市一网通办',
    head: HEAD,
    body: `${portalHeaderHtml()}
<div id="uc-app" class="gp-wrap">
  <div class="uc">
    ${menu('banjian')}
    <div class="uc-main">
      <div class="uc-title">办件详情 <el-button size="mini" style="float:right" @click="back">返回</el-button></div>
      <el-descriptions :column="2" border size="small">
        <el-descriptions-item label="办件编号">{{ c.bjbh }}</el-descriptions-item>
        <el-descriptions-item label="办理状态"><el-tag size="mini" type="success">{{ status }}</el-tag></el-descriptions-item>
        <el-descriptions-item label="事项名称">{{ c.name }}</el-descriptions-item>
        <el-descriptions-item label="受理部门">{{ c.dept }}</el-descriptions-item>
        <el-descriptions-item label="申请人">张**</el-descriptions-item>
        <el-descriptions-item label="申请时间">{{ c.time }}</el-descriptions-item>
      </el-descriptions>
      <div class="sub-title">办理进度</div>
      <el-steps :active="c.logistics ? (submitted ? 3 : 2) : 4" finish-status="success" simple>
        <el-step title="提交申请"></el-step><el-step title="预审通过"></el-step><el-step title="物流取件"></el-step><el-step title="办结"></el-step>
      </el-steps>
      <div class="detail-actions" v-if="c.logistics">
        <el-alert v-if="!submitted" type="success" :closable="false" show-icon title="您的申请已通过预审，请发起物流申请，快递员将上门收取纸质材料原件（取件地址须在松江区内）。" style="margin-bottom:14px"></el-alert>
        <el-alert v-else type="info" :closable="false" show-icon :title="'物流申请已提交，物流单号：' + wlNo + '，请等待快递员上门取件。'" style="margin-bottom:14px"></el-alert>
        <el-button type="primary" @click="open" :disabled="submitted">物流申请</el-button>
        <el-button>评价</el-button>
      </div>
      <div class="detail-actions" v-else><el-button>评价</el-button></div>
    </div>
  </div>

  <el-dialog title="物流申请" :visible.sync="dialog" width="620px" :close-on-click-modal="false">
    <el-form ref="wlForm" :model="form" :rules="rules" label-width="110px" size="small">
      <el-form-item label="快递公司" prop="kdgs">
        <el-radio-group v-model="form.kdgs"><el-radio label="EMS">EMS</el-radio><el-radio label="SF">顺丰速运</el-radio></el-radio-group>
      </el-form-item>
      <el-form-item label="支付方式" prop="zffs">
        <el-radio-group v-model="form.zffs"><el-radio label="1">线下支付</el-radio><el-radio label="2">在线支付</el-radio></el-radio-group>
      </el-form-item>
      <el-form-item label="取件地址" prop="qjqx">
        <el-select v-model="form.qjqx" placeholder="请选择所在区"><el-option v-for="d in districts" :key="d.value" :label="d.label" :value="d.value"></el-option></el-select>
        <span style="color:#909399;font-size:12px;margin-left:8px">上海市</span>
      </el-form-item>
      <el-form-item label="详细地址" prop="qjdz"><el-input v-model.trim="form.qjdz" placeholder="请输入街道、门牌号等详细地址"></el-input></el-form-item>
      <el-form-item label="联系人" prop="lxr"><el-input v-model.trim="form.lxr" placeholder="请输入联系人姓名"></el-input></el-form-item>
      <el-form-item label="联系电话" prop="lxdh"><el-input v-model.trim="form.lxdh" placeholder="请输入手机号码"></el-input></el-form-item>
      <el-form-item label="备注"><el-input v-model="form.bz" type="textarea" :rows="2" placeholder="选填，如方便取件的时间"></el-input></el-form-item>
    </el-form>
    <span slot="footer"><el-button size="small" @click="dialog = false">取消</el-button><el-button size="small" type="primary" :loading="saving" @click="submit">提交</el-button></span>
  </el-dialog>
</div>
${portalFooterHtml()}
<script>
(function () {
  var DISTRICTS = ${inlineJson(SH_DISTRICTS)};
  function req(m, t) { return { required: true, message: m, trigger: t || 'blur' }; }
  var vm = new Vue({
    el: '#uc-app',
    data: { c: ${inlineJson(c)}, districts: DISTRICTS, dialog: false, saving: false, submitted: false, wlNo: '',
      form: { kdgs: '', zffs: '', qjqx: '', qjdz: '', lxr: '', lxdh: '', bz: '' },
      rules: { kdgs: [req('请选择快递公司', 'change')], zffs: [req('请选择支付方式', 'change')], qjqx: [req('请选择所在区', 'change')],
        qjdz: [req('请输入详细地址')], lxr: [req('请输入联系人')],
        lxdh: [req('请输入联系电话'), { pattern: /^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$/, message: '请输入正确的联系电话', trigger: 'blur' }] } },
    computed: { status: function () { return this.submitted ? '待取件' : this.c.status; } },
    methods: {
      back: function () { location.href = '/govPortals/my/banjian'; },
      open: function () { this.dialog = true; },
      state: function () {
        var f = this.form, d = DISTRICTS.filter(function (x) { return x.value === f.qjqx; })[0];
        return JSON.parse(JSON.stringify({ caseNo: this.c.bjbh, dialogOpen: this.dialog, submitted: this.submitted,
          form: { courier: { EMS: 'EMS', SF: '顺丰速运' }[f.kdgs] || '', payment: { '1': '线下支付', '2': '在线支付' }[f.zffs] || '',
            district: d ? d.label : '', addressDetail: f.qjdz, contact: f.lxr, phone: f.lxdh, remark: f.bz },
          raw: f }));
      },
      submit: function () {
        var self = this;
        self.$refs.wlForm.validate(function (ok) {
          if (!ok) return;
          if (self.form.zffs === '2') { self.$message.warning('该事项暂不支持在线支付，请选择线下支付'); return; }
          self.saving = true;
          var body = self.state(); delete body.dialogOpen;
          fetch('/api/logistics/submit', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json;charset=UTF-8' }, body: JSON.stringify(body) })
            .then(function (r) { return r.json(); })
            .then(function (res) { self.saving = false; if (res.code !== 200) { self.$message.error(res.msg || '提交失败'); return; } self.wlNo = res.data.bjbh; self.submitted = true; self.dialog = false; self.$message.success('物流申请提交成功'); })
            .catch(function () { self.saving = false; self.$message.error('提交失败，请稍后重试'); });
        });
      }
    }
  });
  window.__replica = { vm: vm, state: function () { return vm.state(); } };
})();
</script>`,
  });
}

export { esc };
