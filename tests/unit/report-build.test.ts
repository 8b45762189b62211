/**
 * The structure report of a page (utils/report): built from the page model's summary, the last 自动填写's
 * outcomes and the guard — on a small page written for this test (Bootstrap-ish markup, a heading and an option
 * list that name people, an invoice table with a payer column, upload slots with file names). After a full fill
 * the report holds every starred label, each field's outcome, and none of the values, not even in part.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { runAutofill } from '@/utils/autofill';
import { recordFill, rememberFill, lastFill, fillEntries } from '@/utils/report/last-fill';
import { readStructureReport } from '@/utils/report/page-report';
import { reportLocation, frameworkOf, matchFill } from '@/utils/report/build';
import { parseReport, REPORT_FORMAT } from '@/utils/report/schema';
import type { PersonValues } from '@/utils/schemas';
import type { FieldSummary } from '@/utils/page';

const CLAIMANT: PersonValues = {
  name: '王秀英',
  idNumber: '310227194803150026',
  phone: '13800001111',
  mailingAddress: '上海市松江区泗泾镇长春园3号101室',
  bankName: '中国工商银行',
  bankAccount: '6222021001001234567',
};
const PAGE = { kind: 'application', item: 'employee', step: 'basic' } as const;
const NOW = new Date('2026-11-25T12:00:00');

const FORM = `
  <h3>办理医疗费零星报销(职保人员)</h3>
  <ul class="steps"><li class="active">基本信息</li><li>发票信息</li><li>材料上传</li></ul>
  <h4>王秀英的申请信息</h4>
  <form class="form-horizontal">
    <div class="form-group"><label class="control-label is-required">办理方式</label>
      <div><label><input type="radio" name="m" value="1"> 本人办理</label><label><input type="radio" name="m" value="2"> 委托人办理</label></div></div>
    <div class="form-group"><label class="control-label is-required" for="n">报销人姓名</label><input id="n" class="form-control"></div>
    <div class="form-group"><label class="control-label" for="i"><span class="red">*</span>报销人身份证号</label><input id="i" class="form-control"></div>
    <div class="form-group"><label class="control-label is-required" for="p">联系电话</label><input id="p" class="form-control" value="13912345678"></div>
    <div class="form-group"><label class="control-label is-required" for="b">开户银行</label>
      <select id="b" class="form-control"><option value="">请选择</option><option value="1">中国工商银行</option><option value="2">上海农商银行</option></select></div>
    <div class="form-group"><label class="control-label is-required" for="c">银行卡号</label><input id="c" class="form-control"></div>
    <div class="form-group"><label class="control-label is-required" for="a">邮寄地址</label><input id="a" class="form-control"></div>
    <div class="form-group"><label class="control-label is-required" for="r">居住证编号</label><input id="r" class="form-control"></div>
    <div class="form-group"><label class="control-label" for="w">代领人</label>
      <select id="w" class="form-control"><option value="">请选择</option><option>李建国（儿子）</option><option>张伟</option></select></div>
    <div class="form-group"><label class="control-label" for="v">验证码</label><input id="v" class="form-control"></div>
  </form>
  <table class="inv"><thead><tr><th>票据号码</th><th>就诊类型</th><th>交款人</th><th>金额(元)</th></tr></thead>
    <tbody><tr><td>0012340100</td><td>住院</td><td>王秀英</td><td>345.60</td></tr></tbody></table>
  <table class="mat"><thead><tr><th>材料名称</th><th>文件</th></tr></thead><tbody>
    <tr><td>*银行卡</td><td><input type="file"><ul><li>王秀英银行卡6222021001001234567.jpg</li></ul></td></tr>
    <tr><td>*身份证（可用户口本本人页代替）</td><td><input type="file"><ul><li>sfz-310227194803150026.png</li></ul></td></tr>
    <tr><td>出院小结</td><td><input type="file"></td></tr>
  </tbody></table>`;

/** Every value of the person, whole and in part (last 8 digits, the street part of the address). */
const SECRETS = [
  CLAIMANT.name,
  CLAIMANT.idNumber,
  CLAIMANT.idNumber.slice(-8),
  CLAIMANT.phone,
  CLAIMANT.phone.slice(-8),
  CLAIMANT.mailingAddress,
  '长春园3号101室',
  '长春园',
  CLAIMANT.bankAccount,
  CLAIMANT.bankAccount.slice(-8),
  '13912345678',
  '李建国',
  '张伟',
  '0012340100',
  '345.60',
  '王秀英银行卡',
  'sfz-310227194803150026',
];

beforeEach(() => {
  document.documentElement.innerHTML = '<head><title>王秀英 - 办理医疗费零星报销(职保人员)</title></head><body></body>';
  document.body.innerHTML = FORM;
});

async function fillAndExport() {
  const report = await runAutofill(document, { claimant: CLAIMANT, agent: null, item: 'employee', claimantInsurance: 'employee' }, { outline: false });
  recordFill(document, report, { agent: false, overwrite: false });
  return readStructureReport(document, { page: PAGE, claim: { claimantName: CLAIMANT.name, claimantIdNumber: CLAIMANT.idNumber, invoices: [] }, history: [], extension: '0.1.0', now: NOW });
}

describe('structure report of a filled page', () => {
  it('holds no value of the person, not even in part', async () => {
    const report = await fillAndExport();
    const json = JSON.stringify(report);
    for (const s of SECRETS) expect(json, s).not.toContain(s);
    // …and says where they were: the heading, the people option list, the title
    expect(report.fields.find((f) => f.label === '报销人姓名')!.section).toBe('«3 chars, name-like»的申请信息');
    expect(report.fields.find((f) => f.label === '代领人')!.options).toEqual(['请选择', '«3 chars, name-like»（儿子）', '«2 chars, name-like»']);
    expect(report.page.title).toBe('«3 chars, name-like» - 办理医疗费零星报销(职保人员)');
  });

  it('holds every starred label, its star rule, widget, options, meaning and what the fill did', async () => {
    const report = await fillAndExport();
    expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
    expect(report.format).toBe(REPORT_FORMAT);
    expect(report.extension).toBe('0.1.0');
    expect(report.exportedAt).toBe('2026-11-25');
    const starred = report.fields.filter((f) => f.starred).map((f) => f.label);
    expect(starred).toEqual(['办理方式', '报销人姓名', '*报销人身份证号', '联系电话', '开户银行', '银行卡号', '邮寄地址', '居住证编号']);
    const by = (label: string) => report.fields.find((f) => f.label === label)!;
    expect(by('*报销人身份证号').starRule).toBe('label-star');
    expect(by('报销人姓名')).toMatchObject({ starRule: 'required-class', meaning: 'claimant.name', filled: true, fill: { outcome: 'filled' } });
    expect(by('报销人姓名').widget).toMatchObject({ kind: 'text', library: 'native', framework: 'Bootstrap' });
    expect(by('报销人姓名').widget.classes).toEqual(expect.arrayContaining(['form-control', 'form-group']));
    expect(by('开户银行')).toMatchObject({ options: ['请选择', '中国工商银行', '上海农商银行'], meaning: 'claimant.bankName', fill: { outcome: 'filled' } });
    expect(by('办理方式')).toMatchObject({ options: ['本人办理', '委托人办理'], meaning: 'mode', fill: { outcome: 'filled' } });
    expect(by('联系电话').fill).toEqual({ outcome: 'kept', reason: '' });
    expect(by('居住证编号')).toMatchObject({ meaning: null, filled: false, fill: { outcome: 'skipped', reason: 'unknown-label' } });
    expect(by('验证码').trap).not.toBeNull();
    expect(by('验证码').fill).toMatchObject({ outcome: 'skipped', reason: 'trap' });
    expect(report.fill).toMatchObject({ agent: false, overwrite: false, needManual: 1 });
    expect(report.page).toMatchObject({ kind: 'application', item: 'employee', step: 'basic', mode: 'self', top: true });
  });

  it('upload slots (files counted, never named), invoice columns, the guard’s codes and facts', async () => {
    const report = await fillAndExport();
    expect(report.uploads.map((u) => [u.label, u.kind, u.files, u.starred])).toEqual([
      ['*银行卡', 'bank-card', 1, true],
      ['*身份证（可用户口本本人页代替）', 'id-card', 1, true],
      ['出院小结', 'discharge-summary', 0, false],
    ]);
    expect(report.uploads[1]!.accepts).toEqual(['household-register']);
    expect(report.invoiceTables).toEqual([
      {
        columns: [
          { header: '票据号码', meaning: 'invoice.number' },
          { header: '就诊类型', meaning: 'invoice.visitType' },
          { header: '交款人', meaning: 'invoice.payerName' },
          { header: '金额(元)', meaning: 'invoice.amount' },
        ],
        rows: 1,
      },
    ]);
    expect(report.guard.codes).toEqual(['missing-insurance-card', 'missing-discharge-summary']);
    expect(report.guard.facts).toEqual({
      page: 'application',
      mode: 'self',
      claimant: { name: true, idNumber: true, minor: false, deceased: false },
      address: 'inside',
      pickupAddress: 'none',
      invoices: [{ onPage: true, number: true, inpatient: true, insurance: null, payer: 'same', repeated: false, filedBefore: false }],
    });
  });

  it('without a fill on this page: no outcomes, still the structure', async () => {
    const doc = document.implementation.createHTMLDocument('x');
    doc.body.innerHTML = FORM;
    const report = readStructureReport(doc, { page: PAGE, claim: null, history: ['0012340100'], extension: '0.1.0', now: NOW });
    expect(report.fill).toBeNull();
    expect(report.fields.every((f) => f.fill === null)).toBe(true);
    expect(report.guard.facts.invoices[0]!.filedBefore).toBe(true);
    expect(report.guard.codes).toContain('duplicate-invoice');
  });
});

describe('pieces', () => {
  it('URL: query values removed, keys kept; item ids kept, other ids replaced', () => {
    const ids = ['c85a49fb-2dc3-4a53-95e1-25e9b0491bae'];
    expect(reportLocation('https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=310117006000-0101&token=abc', ids)).toEqual({
      host: 'ywtb.sh.gov.cn:18018',
      path: '/ac-product-net/netapply/apply.do',
      query: ['itemCode', 'token'],
      hash: '',
    });
    expect(reportLocation('https://zwdt.sh.gov.cn/govPortals/apply/c85a49fb-2dc3-4a53-95e1-25e9b0491bae/basic', ids).path).toBe('/govPortals/apply/c85a49fb-2dc3-4a53-95e1-25e9b0491bae/basic');
    expect(reportLocation('https://zwdt.sh.gov.cn/my/banjian/SJ20260917000123/0a1b2c3d-1111-2222-3333-444455556666#/apply/310227194803150026?x=1', ids)).toEqual({
      host: 'zwdt.sh.gov.cn',
      path: '/my/banjian/«16 chars, code-like»/«uuid»',
      query: ['#x'],
      hash: '/apply/«18 chars, ID-like»',
    });
  });

  it('framework from the library or the class names', () => {
    expect(frameworkOf('element', ['el-input__inner', 'el-input'])).toBe('Element UI');
    expect(frameworkOf('native', ['el-input__inner', 'el-input__wrapper'])).toBe('Element Plus');
    expect(frameworkOf('element-plus', [])).toBe('Element Plus');
    expect(frameworkOf('ant', [])).toBe('Ant Design');
    expect(frameworkOf('native', ['layui-input'])).toBe('layui');
    expect(frameworkOf('native', ['form-control'])).toBe('Bootstrap');
    expect(frameworkOf('native', [])).toBe('plain');
  });

  it('fill outcomes join by label and meaning, each used once; values are dropped when recorded', () => {
    const entries = fillEntries(
      {
        filled: [{ label: '姓名', meaning: 'claimant.name', starred: true, value: '王秀英' }],
        kept: [],
        skipped: [{ label: '姓名', meaning: null, starred: false, reason: 'unknown-label', message: '…' }],
        rejected: [{ label: '电话', meaning: 'claimant.phone', starred: true, reason: '页面提示：格式不对' }],
        warnings: [],
        summary: { filled: 1, needManual: 0, manual: [], text: '' },
        timing: { totalMs: 0, waitMs: 0 },
      },
      ['页面提示：', ''],
    );
    expect(JSON.stringify(entries)).not.toContain('王秀英');
    expect(entries[2]!.outcome).toEqual({ outcome: 'refused', reason: '页面提示：格式不对', by: 'page' });
    const f = (label: string, meaning: string | null) => ({ label, evidence: [], meaning }) as unknown as FieldSummary;
    const joined = matchFill([f('姓名', null), f('姓名', 'claimant.name'), f('电话', 'claimant.phone'), f('地址', null)], entries);
    expect(joined.map((e) => e?.outcome.outcome ?? null)).toEqual(['skipped', 'filled', 'refused', null]);
    rememberFill(document, { agent: true, overwrite: false, entries, needManual: 0 });
    expect(lastFill(document)?.agent).toBe(true);
  });
});
