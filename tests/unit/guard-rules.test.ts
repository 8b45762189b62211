import { describe, expect, it } from 'vitest';
import { evaluate } from '@/utils/guard/evaluate';
import { RULES } from '@/utils/guard/rules';
import { emptyState, type ApplicationState } from '@/utils/guard/state';
import { ageOn, sameName } from '@/utils/guard/claimant';
import { documentKind } from '@/utils/guard/documents';
import { isInpatient, insuranceKind } from '@/utils/guard/invoices';
import { catalog } from '@/locales';
import { t } from '@/utils/i18n';

const NOW = new Date('2026-11-25T12:00:00Z');
const ADULT_ID = '310117197502140035'; // born 1975
const MINOR_ID = '310117201503050027'; // born 2015-03-05 → 11

/** A complete, correct 职保 application on the 材料上传 step: no findings. */
function clean(): ApplicationState {
  return {
    ...emptyState(NOW),
    item: 'employee',
    page: 'application',
    mode: 'self',
    claimant: { name: '张建国', idNumber: ADULT_ID },
    address: '上海市松江区九亭镇涞亭南路888弄12号301室',
    invoices: [
      { number: '0012345678', code: '31060121', visitType: '门诊', insuranceType: '职工基本医疗保险', payerName: '张建国' },
    ],
    uploads: [
      { slotLabel: '银行卡', files: ['bank.jpg'] },
      { slotLabel: '社保卡（无社保卡可上传医保卡）', files: ['sbk.jpg'] },
      { slotLabel: '身份证', files: ['id-front.jpg'] },
      { slotLabel: '被委托人身份证', files: [] },
      { slotLabel: '出院小结', files: [] },
      { slotLabel: '发票', files: ['invoice.jpg'] },
      { slotLabel: '发票明细', files: ['detail.jpg'] },
    ],
    history: ['0099999999'],
  };
}

const codes = (s: ApplicationState) => evaluate(s).map((f) => f.code);
const withSlot = (s: ApplicationState, label: string, files: string[]) => ({
  ...s,
  uploads: s.uploads.map((u) => (u.slotLabel === label ? { ...u, files } : u)),
});

describe('guard rule table', () => {
  it('has every code once, a source sentence and a message in the catalog', () => {
    const all = RULES.map((r) => r.code);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(
      [
        'address-outside-songjiang',
        'address-unverified',
        'duplicate-invoice',
        'insurance-type-mismatch',
        'missing-agent-id',
        'missing-bank-card',
        'missing-discharge-summary',
        'missing-id-document',
        'missing-insurance-card',
        'missing-invoice-detail',
        'payer-name-mismatch',
      ].sort(),
    );
    for (const r of RULES) {
      expect(r.source.length).toBeGreaterThan(8);
      expect(catalog[r.message], r.message).toBeDefined();
    }
  });

  it('a clean application has no findings', () => {
    expect(evaluate(clean())).toEqual([]);
  });

  it('a rule that throws does not hide the others', () => {
    const broken = { ...RULES[0]!, code: 'missing-bank-card' as const, when: () => { throw new Error('boom'); } };
    const s = withSlot(clean(), '社保卡（无社保卡可上传医保卡）', []);
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(evaluate(s, [broken, ...RULES.slice(1)]).map((f) => f.code)).toEqual(['missing-insurance-card']);
    } finally {
      console.warn = warn;
    }
  });

  it('a page that shows no upload slots is not judged on uploads', () => {
    expect(codes({ ...clean(), uploads: [] })).toEqual([]);
  });
});

describe('materials', () => {
  it('missing-bank-card', () => {
    expect(codes(withSlot(clean(), '银行卡', []))).toEqual(['missing-bank-card']);
  });

  it('missing-insurance-card; a 医保卡 slot counts in its place', () => {
    expect(codes(withSlot(clean(), '社保卡（无社保卡可上传医保卡）', []))).toEqual(['missing-insurance-card']);
    const s = clean();
    s.uploads = s.uploads.filter((u) => !u.slotLabel.startsWith('社保卡')).concat({ slotLabel: '医保卡', files: ['ybk.jpg'] });
    expect(codes(s)).toEqual([]);
  });

  it('missing-id-document for an adult', () => {
    const found = evaluate(withSlot(clean(), '身份证', []));
    expect(found.map((f) => f.code)).toEqual(['missing-id-document']);
    expect(found[0]!.message.key).toBe('guardMissingIdDocument');
  });

  it('a minor (age from the ID number): says 户口本本人页; a 户口本 slot or a file in the 身份证 slot passes', () => {
    const minor = { ...withSlot(clean(), '身份证', []), claimant: { name: '张小宝', idNumber: MINOR_ID } };
    minor.invoices = minor.invoices.map((i) => ({ ...i, payerName: '张小宝' }));
    const f = evaluate(minor);
    expect(f.map((x) => x.code)).toEqual(['missing-id-document']);
    expect(f[0]!.message.key).toBe('guardMissingIdDocumentMinor');
    expect(t(f[0]!.message.key, ...f[0]!.message.params)).toContain('户口本本人页');
    expect(t(f[0]!.message.key, ...f[0]!.message.params)).toContain('11 岁');
    expect(codes(withSlot(minor, '身份证', ['户口本本人页.jpg']))).toEqual([]);
    expect(codes({ ...minor, uploads: [...minor.uploads, { slotLabel: '户口本本人页', files: ['hkb.jpg'] }] })).toEqual([]);
    // an adult with only a 户口本 is still missing the ID card
    const adult = { ...withSlot(clean(), '身份证', []), uploads: [...clean().uploads.filter((u) => u.slotLabel !== '身份证'), { slotLabel: '户口本', files: ['hkb.jpg'] }] };
    expect(codes(adult)).toEqual(['missing-id-document']);
  });

  it('the minor flag from the panel wins over the ID number', () => {
    const s = { ...withSlot(clean(), '身份证', []), claimant: { name: '张建国', isMinor: true } };
    expect(evaluate(s)[0]!.message.key).toBe('guardMissingIdDocumentMinor');
  });

  it('a deceased claimant: asks for 死亡证明 / 户籍注销证明 / 火化证明, and accepts them', () => {
    const dead = { ...withSlot(clean(), '身份证', []), claimant: { ...clean().claimant, deceased: true } };
    const f = evaluate(dead);
    expect(f.map((x) => x.code)).toEqual(['missing-id-document']);
    const text = t(f[0]!.message.key, ...f[0]!.message.params);
    expect(text).toMatch(/死亡证明.*户籍注销证明.*火化证明/);
    expect(codes(withSlot(dead, '身份证', ['死亡证明.jpg']))).toEqual([]);
    expect(codes({ ...dead, uploads: [...dead.uploads, { slotLabel: '死亡证明/户籍注销证明/火化证明', files: ['x.jpg'] }] })).toEqual([]);
    expect(codes({ ...dead, uploads: [...dead.uploads, { slotLabel: '其他材料', files: ['火化证明.pdf'] }] })).toEqual([]);
  });

  it('missing-agent-id only when 委托人办理', () => {
    expect(codes({ ...clean(), mode: 'delegated' })).toEqual(['missing-agent-id']);
    expect(codes(withSlot({ ...clean(), mode: 'delegated' }, '被委托人身份证', ['agent.jpg']))).toEqual([]);
    expect(codes({ ...clean(), mode: null })).toEqual([]);
    // the claimant's own 身份证 does not stand for the account holder's
    const s = withSlot({ ...clean(), mode: 'delegated' }, '身份证', ['a.jpg', 'b.jpg']);
    expect(codes(s)).toEqual(['missing-agent-id']);
  });

  it('missing-discharge-summary: inpatient from the row, the 票据代码 hint or OCR', () => {
    const byRow = { ...clean(), invoices: [{ ...clean().invoices[0]!, visitType: '住院' }] };
    const f = evaluate(byRow);
    expect(f.map((x) => x.code)).toEqual(['missing-discharge-summary']);
    expect(f[0]!.message.params[0]).toContain('0012345678');
    const byCode = { ...clean(), invoices: [{ number: '0012345679', code: '31060221', payerName: '张建国' }] };
    expect(codes(byCode)).toEqual(['missing-discharge-summary']);
    // the row's own 门诊 beats the code hint
    expect(codes({ ...clean(), invoices: [{ number: '1', code: '31060221', visitType: '门诊' }] })).toEqual([]);
    expect(codes(withSlot(byRow, '出院小结', ['cyxj.jpg']))).toEqual([]);
    expect(isInpatient({ visitType: '急诊观察室留院观察' })).toBe(false);
    expect(isInpatient({ code: '31060121' })).toBe(false);
  });

  it('missing-invoice-detail: where the form has a slot; counts per invoice', () => {
    expect(codes(withSlot(clean(), '发票明细', []))).toEqual(['missing-invoice-detail']);
    const two = { ...clean(), invoices: [...clean().invoices, { number: '0012345680', payerName: '张建国' }] };
    const f = evaluate(two);
    expect(f.map((x) => x.code)).toEqual(['missing-invoice-detail']);
    expect(f[0]!.message).toEqual({ key: 'guardMissingInvoiceDetailCount', params: ['2', '1'] });
    const noSlot = { ...clean(), uploads: clean().uploads.filter((u) => u.slotLabel !== '发票明细') };
    expect(codes(noSlot)).toEqual([]);
  });
});

describe('addresses', () => {
  it('address-outside-songjiang names the place and why', () => {
    const f = evaluate({ ...clean(), address: '上海市闵行区七宝镇七莘路100号' });
    expect(f.map((x) => x.code)).toEqual(['address-outside-songjiang']);
    const text = t(f[0]!.message.key, ...f[0]!.message.params);
    expect(text).toContain('邮寄地址');
    expect(text).toContain('闵行');
  });

  it('a town alone: 九亭 is Songjiang, 七宝 is not', () => {
    expect(codes({ ...clean(), address: '九亭镇涞亭南路888弄' })).toEqual([]);
    expect(codes({ ...clean(), address: '七宝镇新镇路1号' })).toEqual(['address-outside-songjiang']);
  });

  it('address-unverified is soft and comes last', () => {
    const f = evaluate({ ...withSlot(clean(), '银行卡', []), address: '人民路100号' });
    expect(f.map((x) => [x.code, x.severity])).toEqual([
      ['missing-bank-card', 'block-worthy'],
      ['address-unverified', 'soft'],
    ]);
  });

  it('the 物流申请 page judges the pick-up address only', () => {
    const logistics: ApplicationState = { ...emptyState(NOW), page: 'logistics', pickupAddress: '上海市青浦区赵巷镇嘉松中路1号' };
    const f = evaluate(logistics);
    expect(f.map((x) => x.code)).toEqual(['address-outside-songjiang']);
    expect(t(f[0]!.message.key, ...f[0]!.message.params)).toContain('取件地址');
    expect(codes({ ...logistics, pickupAddress: '上海市松江区方松街道文诚路1号' })).toEqual([]);
    // materials and invoices are not judged there, even if the context carries them
    expect(codes({ ...clean(), page: 'logistics', uploads: [{ slotLabel: '银行卡', files: [] }], pickupAddress: '松江区中山街道中山东路1号' })).toEqual([]);
  });
});

describe('invoices', () => {
  it('insurance-type-mismatch both ways', () => {
    const res = { ...clean(), invoices: [{ ...clean().invoices[0]!, insuranceType: '城乡居民基本医疗保险' }] };
    const f = evaluate(res);
    expect(f.map((x) => x.code)).toEqual(['insurance-type-mismatch']);
    expect(t(f[0]!.message.key, ...f[0]!.message.params)).toContain('居保人员');
    expect(codes({ ...clean(), item: 'resident' })).toEqual(['insurance-type-mismatch']);
    expect(codes({ ...res, item: 'resident' })).toEqual([]);
    expect(codes({ ...res, item: null })).toEqual([]);
    expect(insuranceKind('住院社保卡')).toBeNull();
  });

  it('payer-name-mismatch, ignoring whitespace', () => {
    const other = { ...clean(), invoices: [{ ...clean().invoices[0]!, payerName: '李秀英' }] };
    const f = evaluate(other);
    expect(f.map((x) => x.code)).toEqual(['payer-name-mismatch']);
    expect(f[0]!.message.params).toEqual(['1', '李秀英', '张建国']);
    expect(codes({ ...clean(), invoices: [{ ...clean().invoices[0]!, payerName: ' 张 建国 ' }] })).toEqual([]);
    expect(codes({ ...clean(), claimant: { ...clean().claimant, name: '张建国　' } })).toEqual([]);
    expect(sameName('张*国', '张建国')).toBe(true);
  });

  it('duplicate-invoice: the same number twice, or filed earlier from this device', () => {
    const twice = { ...clean(), invoices: [clean().invoices[0]!, { ...clean().invoices[0]!, number: '00123 45678' }] };
    const withDetails = withSlot(twice, '发票明细', ['a.jpg', 'b.jpg']);
    const f = evaluate(withDetails);
    expect(f.map((x) => x.code)).toEqual(['duplicate-invoice']);
    expect(f[0]!.message).toEqual({ key: 'guardDuplicateInvoice', params: ['0012345678'] });
    const filed = { ...clean(), history: ['0012345678'] };
    expect(evaluate(filed).map((x) => [x.code, x.message.key])).toEqual([['duplicate-invoice', 'guardDuplicateInvoiceHistory']]);
  });
});

describe('ordering and helpers', () => {
  it('most serious first', () => {
    const s: ApplicationState = {
      ...clean(),
      mode: 'delegated',
      address: '人民路1号',
      invoices: [{ ...clean().invoices[0]!, payerName: '李秀英' }],
      uploads: clean().uploads.map((u) => ({ ...u, files: [] })),
    };
    const sev = evaluate(s).map((f) => f.severity);
    expect(sev).toEqual([...sev].sort((a, b) => ['block-worthy', 'warning', 'soft'].indexOf(a) - ['block-worthy', 'warning', 'soft'].indexOf(b)));
    expect(evaluate(s).map((f) => f.code)).toEqual([
      'missing-bank-card',
      'missing-insurance-card',
      'missing-id-document',
      'missing-agent-id',
      'missing-invoice-detail',
      'payer-name-mismatch',
      'address-unverified',
    ]);
  });

  it('ages from 18- and 15-digit ID numbers', () => {
    expect(ageOn(MINOR_ID, NOW)).toBe(11);
    expect(ageOn('310117081125003', NOW)).toBe(118);
    expect(ageOn('31011720081126002X', NOW)).toBe(17);
    expect(ageOn('bad', NOW)).toBeNull();
  });

  it('slot labels: 被委托人身份证 is not 身份证, 发票明细 not 发票', () => {
    expect(documentKind('被委托人身份证')).toBe('agent-id');
    expect(documentKind('* 身份证：')).toBe('id-card');
    expect(documentKind('发票明细')).toBe('invoice-detail');
    expect(documentKind('社保卡（无社保卡可上传医保卡）')).toBe('insurance-card');
    expect(documentKind('户籍注销证明')).toBe('death-proof');
  });
});
