import { describe, it, expect } from 'vitest';
import { analyseLabel, matchFields, THRESHOLD } from '@/utils/page/meaning';
import { normalizeLabel } from '@/utils/page/text';
import type { CollectedField, LabelEvidence } from '@/utils/autofill/types';

function field(label: string, extra: Partial<CollectedField> = {}, evidence?: LabelEvidence[]): CollectedField {
  const input = document.createElement('input');
  return {
    index: 0,
    kind: 'text',
    element: input,
    inputs: [input],
    container: null,
    label,
    evidence: evidence ?? [{ text: label, source: 'form-item', weight: 1 }],
    section: '',
    starred: false,
    starRule: null,
    options: [],
    value: '',
    library: 'native',
    hints: [],
    usable: true,
    dialog: null,
    ...extra,
  };
}

const meaningOf = (label: string, extra: Partial<CollectedField> = {}) => {
  const [m] = matchFields([field(label, extra)]);
  return m!.trap ? 'TRAP' : m!.meaning;
};

// [label as a page might show it, expected meaning | null (left alone) | 'TRAP']
const CASES: Array<[string, string | null]> = [
  // claimant name
  ['报销人姓名', 'claimant.name'],
  ['* 报销人姓名：', 'claimant.name'],
  ['报销人姓名:', 'claimant.name'],
  ['＊报销人姓名', 'claimant.name'],
  ['姓名', 'claimant.name'],
  ['姓 名', 'claimant.name'],
  ['申请人', 'claimant.name'],
  ['申请人姓名', 'claimant.name'],
  ['参保人姓名', 'claimant.name'],
  ['参保人', 'claimant.name'],
  ['就诊人姓名', 'claimant.name'],
  ['患者姓名', 'claimant.name'],
  ['报销人', 'claimant.name'],
  ['姓名（报销人）', 'claimant.name'],
  ['真实姓名', 'claimant.name'],
  ['被保险人姓名', 'claimant.name'],
  // claimant id
  ['报销人身份证', 'claimant.idNumber'],
  ['报销人身份证号', 'claimant.idNumber'],
  ['报销人身份证号码', 'claimant.idNumber'],
  ['身份证号码', 'claimant.idNumber'],
  ['证件号码', 'claimant.idNumber'],
  ['公民身份号码', 'claimant.idNumber'],
  ['参保人身份证号码', 'claimant.idNumber'],
  ['申请人证件号码', 'claimant.idNumber'],
  ['社会保障号码', 'claimant.idNumber'],
  ['身份证号码（18位）', 'claimant.idNumber'],
  ['证件类型', 'claimant.idType'],
  ['性别', 'claimant.gender'],
  ['出生日期', 'claimant.birthDate'],
  // agent (account holder)
  ['委托人姓名', 'agent.name'],
  ['委托人', 'agent.name'],
  ['委托人身份证号', 'agent.idNumber'],
  ['委托人身份证号码', 'agent.idNumber'],
  ['被委托人姓名', 'agent.name'],
  ['被委托人身份证号码', 'agent.idNumber'],
  ['代办人姓名', 'agent.name'],
  ['代办人证件号码', 'agent.idNumber'],
  ['经办人姓名', 'agent.name'],
  ['经办人手机号码', 'agent.phone'],
  ['委托人联系电话', 'agent.phone'],
  ['代理人姓名', 'agent.name'],
  ['委托人证件类型', 'agent.idType'],
  // phone
  ['手机号码', 'claimant.phone'],
  ['手机号', 'claimant.phone'],
  ['联系电话', 'claimant.phone'],
  ['报销人联系电话', 'claimant.phone'],
  ['移动电话', 'claimant.phone'],
  ['联系方式', 'claimant.phone'],
  ['手机号码（用于接收短信通知）', 'claimant.phone'],
  ['本人手机', 'claimant.phone'],
  // bank
  ['开户银行', 'claimant.bankName'],
  ['开户行', 'claimant.bankName'],
  ['银行名称', 'claimant.bankName'],
  ['开户银行名称', 'claimant.bankName'],
  ['银行卡号', 'claimant.bankAccount'],
  ['银行账号', 'claimant.bankAccount'],
  ['银行帐号', 'claimant.bankAccount'],
  ['收款账号', 'claimant.bankAccount'],
  ['报销人银行卡号', 'claimant.bankAccount'],
  ['户名', 'claimant.bankAccountName'],
  ['账户名', 'claimant.bankAccountName'],
  ['账户名称', 'claimant.bankAccountName'],
  ['开户人姓名', 'claimant.bankAccountName'],
  ['收款人姓名', 'claimant.bankAccountName'],
  ['持卡人姓名', 'claimant.bankAccountName'],
  // address
  ['邮寄地址', 'address.full'],
  ['收件地址', 'address.full'],
  ['联系地址', 'address.full'],
  ['通讯地址', 'address.full'],
  ['家庭住址', 'address.full'],
  ['居住地址', 'address.full'],
  ['详细地址', 'address.detail'],
  ['邮寄详细地址', 'address.detail'],
  ['所在区', 'address.district'],
  ['所在区县', 'address.district'],
  ['所在地区', 'address.district'],
  ['区县', 'address.district'],
  ['省/市/区', 'address.district'],
  ['邮寄地址所在区', 'address.district'],
  ['邮政编码', 'address.postcode'],
  ['邮编', 'address.postcode'],
  // mode
  ['办理方式', 'mode'],
  ['申请方式', 'mode'],
  ['是否委托办理', 'mode'],
  ['是否代办', 'mode'],
  ['是否委托他人办理', 'mode'],
  ['是否由他人代办：', 'mode'],
  // invoice rows
  ['票据代码', 'invoice.code'],
  ['发票代码', 'invoice.code'],
  ['票据号码', 'invoice.number'],
  ['发票号码', 'invoice.number'],
  ['开票日期', 'invoice.date'],
  ['就诊日期', 'invoice.date'],
  ['就诊类型', 'invoice.visitType'],
  ['医疗机构', 'invoice.hospital'],
  ['医疗机构名称', 'invoice.hospital'],
  ['就诊医院', 'invoice.hospital'],
  ['收款单位', 'invoice.hospital'],
  ['收款单位名称', 'invoice.hospital'],
  ['医疗机构名称（收款单位名称）', 'invoice.hospital'],
  ['申请日期', 'applicationDate'],
  ['金额', 'invoice.amount'],
  ['金额（元）', 'invoice.amount'],
  ['票据金额', 'invoice.amount'],
  ['住院起止日期', 'invoice.period'],
  ['住院时间', 'invoice.period'],
  ['入院日期', 'invoice.periodStart'],
  ['出院日期', 'invoice.periodEnd'],
  // traps: never filled
  ['紧急联系人电话', 'TRAP'],
  ['紧急联系人', 'TRAP'],
  ['紧急联系人姓名', 'TRAP'],
  ['紧急联系电话', 'TRAP'],
  ['单位电话', 'TRAP'],
  ['单位名称', 'TRAP'],
  ['工作单位', 'TRAP'],
  ['固定电话', 'TRAP'],
  ['搜索', 'TRAP'],
  ['请输入关键字搜索', 'TRAP'],
  ['验证码', 'TRAP'],
  ['图形验证码', 'TRAP'],
  ['短信验证码', 'TRAP'],
  ['密码', 'TRAP'],
  ['电子邮箱', 'TRAP'],
  ['邮箱', 'TRAP'],
  ['户籍地址', 'TRAP'],
  ['户口所在地', 'TRAP'],
  ['社保卡号', 'TRAP'],
  ['医保卡号', 'TRAP'],
  ['委托人与报销人关系', 'TRAP'],
  ['与参保人关系', 'TRAP'],
  // left alone (not ours, or not sure whose)
  ['联系人姓名', null],
  ['联系人电话', null],
  ['收件人姓名', null],
  ['监护人姓名', null],
  ['备注', null],
  ['小区名称', null],
  ['委托人银行卡号', null],
  ['申请事由', null],
  ['', null],
  ['报销人及委托人姓名', null],
];

describe('label matching (data table, threshold ' + THRESHOLD + ')', () => {
  it(`has at least 80 label variants including traps (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
    expect(CASES.filter(([, m]) => m === 'TRAP').length).toBeGreaterThanOrEqual(15);
  });
  it.each(CASES)('%s → %s', (label, expected) => {
    expect(meaningOf(label)).toBe(expected);
  });
});

describe('context', () => {
  it('a plain 姓名 under a 委托人信息 heading is the account holder', () => {
    expect(meaningOf('姓名', { section: '委托人信息' })).toBe('agent.name');
    expect(meaningOf('身份证号码', { section: '代办人基本信息' })).toBe('agent.idNumber');
    expect(meaningOf('姓名', { section: '报销人信息' })).toBe('claimant.name');
  });
  it('fields under a 紧急联系人 heading are traps', () => {
    expect(meaningOf('姓名', { section: '紧急联系人' })).toBe('TRAP');
    expect(meaningOf('联系电话', { section: '紧急联系人信息' })).toBe('TRAP');
  });
  it('the label overrides the section', () => {
    expect(meaningOf('报销人姓名', { section: '委托人信息' })).toBe('claimant.name');
  });
  it('a second plain 身份证号码 after 委托人姓名 belongs to the account holder', () => {
    const fields = ['报销人姓名', '身份证号码', '委托人姓名', '身份证号码'].map((l, i) => ({ ...field(l), index: i }));
    expect(matchFields(fields).map((m) => m.meaning)).toEqual(['claimant.name', 'claimant.idNumber', 'agent.name', 'agent.idNumber']);
  });
  it('two plain 姓名 with nothing to tell them apart: the second is left alone', () => {
    const fields = ['姓名', '姓名'].map((l, i) => ({ ...field(l), index: i }));
    expect(matchFields(fields).map((m) => m.meaning)).toEqual(['claimant.name', null]);
  });
  it('placeholder is weak evidence, used when there is no label', () => {
    const f = field('', {}, [{ text: '请输入手机号码', source: 'placeholder', weight: 0.8 }]);
    expect(matchFields([f])[0]!.meaning).toBe('claimant.phone');
  });
  it('an input named captcha is a trap whatever its label', () => {
    const f = field('请输入右侧字符');
    f.inputs[0]!.setAttribute('name', 'captchaCode');
    expect(matchFields([f])[0]!.trap).toBeTruthy();
  });
  it('type=password / search are traps', () => {
    const f = field('姓名');
    f.inputs[0]!.setAttribute('type', 'search');
    expect(matchFields([f])[0]!.trap).toBeTruthy();
  });
  it('shared label 邮寄地址 is refined by the placeholder (所在区 / 详细地址)', () => {
    const a = field('邮寄地址', {}, [
      { text: '邮寄地址', source: 'form-item', weight: 0.85 },
      { text: '请选择所在区', source: 'placeholder', weight: 0.8 },
    ]);
    const b = field('邮寄地址', {}, [
      { text: '邮寄地址', source: 'form-item', weight: 0.85 },
      { text: '请输入详细地址', source: 'placeholder', weight: 0.8 },
    ]);
    expect(matchFields([a, b]).map((m) => m.meaning)).toEqual(['address.district', 'address.detail']);
  });
});

describe('taught mappings', () => {
  it('override the table, including traps and unknown labels', () => {
    const mappings = [
      { label: '邮箱', meaning: 'claimant.phone' as const },
      { label: '申请事由：', meaning: 'ignore' as const },
      { label: '报销人姓名', meaning: 'agent.name' as const },
    ];
    const ms = matchFields([field('邮箱'), field('申请事由'), field('* 报销人姓名')], { mappings });
    expect(ms.map((m) => m.meaning)).toEqual(['claimant.phone', null, 'agent.name']);
    expect(ms[1]!.taught).toBe('ignore');
  });
  it('respect the host they were taught on', () => {
    const mappings = [{ label: '备注', meaning: 'claimant.phone' as const, host: 'other.example' }];
    expect(matchFields([field('备注')], { mappings, host: 'zwdt.sh.gov.cn' })[0]!.meaning).toBeNull();
    expect(matchFields([field('备注')], { mappings, host: 'other.example' })[0]!.meaning).toBe('claimant.phone');
  });
});

describe('normalisation', () => {
  it('strips stars, colons, spaces, brackets and folds full width', () => {
    expect(normalizeLabel(' ＊ 报销人 姓名 ： ')).toBe('报销人姓名');
    expect(normalizeLabel('（Ｅ）')).toBe('e');
  });
  it('scores fall with unexplained text', () => {
    expect(analyseLabel('电话').score).toBeGreaterThan(analyseLabel('家里的电话').score);
  });
});
