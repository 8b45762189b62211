/**
 * The structure report's anonymiser (utils/report/anonymise.ts): personal data shaped like an ID number, a
 * phone, a bank number, a name, an address, a date, a file name or an e-mail is replaced by its shape; the
 * page's own words (labels, banks, districts, option words, documents) stay.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anonymise, createAnonymiser, looksLikeName, shapeOfValue } from '@/utils/report/anonymise';

describe('shapes: personal data is replaced by its shape', () => {
  it.each([
    ['310227194803150026', '«18 chars, ID-like»'],
    ['31011219750601001X', '«18 chars, ID-like»'],
    ['310227480315002', '«15 chars, ID-like»'],
    ['13800001111', '«11 digits, phone-like»'],
    ['021-57801234', '«11 digits, phone-like»'],
    ['57801234', '«8 digits, phone-like»'],
    ['6222021001001234567', '«19 digits, bank-number-like»'],
    ['6222 0210 0100 1234 567', '«19 digits, bank-number-like»'],
    ['622202100100', '«12 digits, bank-number-like»'],
    ['201600', '«6 digits»'],
    ['SJ20260917000123', '«16 chars, code-like»'],
    ['上海市松江区泗泾镇长春园3号101室', '«18 chars, address-like»'],
    ['泗通路225弄3号101室', '«13 chars, address-like»'],
    ['涞亭南路888弄5号', '«10 chars, address-like»'],
    ['王秀英', '«3 chars, name-like»'],
    ['欧阳娜娜', '«4 chars, name-like»'],
    ['张三', '«2 chars, name-like»'],
    ['王*英', '«3 chars, masked»'],
    ['3101**********0026', '«18 chars, masked»'],
    ['1948-03-15', '«date»'],
    ['1948年3月15日', '«date»'],
    ['身份证正面.jpg', '«file name»'],
    ['IMG_20260912.PNG', '«file name»'],
    ['wang.xiuying@example.com', '«email»'],
  ])('%s → %s', (text, shape) => {
    expect(anonymise(text)).toBe(shape);
  });

  it('inside labels and headings: only the personal part goes', () => {
    expect(anonymise('王秀英的报销信息')).toBe('«3 chars, name-like»的报销信息');
    expect(anonymise('报销人：王秀英')).toBe('报销人：«3 chars, name-like»');
    expect(anonymise('报销人李建国身份证')).toBe('报销人«3 chars, name-like»身份证');
    expect(anonymise('欢迎您，王*英')).toBe('欢迎您，«3 chars, masked»');
    expect(anonymise('联系电话（例：13800001111）')).toBe('联系电话（例：«11 digits, phone-like»）');
    expect(anonymise('邮寄地址：上海市松江区泗泾镇长春园3号101室')).toBe('邮寄地址：«18 chars, address-like»');
  });
});

describe('the page’s own words stay (they are fixed lists, not personal)', () => {
  it.each([
    '报销人姓名',
    '*报销人身份证',
    '委托人身份证号',
    '银行卡号（报销人本人）',
    '开户银行',
    '中国工商银行',
    '上海农商银行松江支行',
    '黄浦区',
    '松江区',
    '泗泾镇',
    '浦东新区',
    '本人办理',
    '委托人办理',
    '门诊',
    '住院',
    '金额(元)',
    '票据号码',
    '收款单位（医疗机构）',
    '患者姓名',
    '交款人',
    '社保卡（无社保卡可上传医保卡）',
    '身份证（可用户口本本人页、死亡证明代替）',
    '办理医疗费零星报销(职保人员)',
    '邮政编码',
    '验证码',
    '紧急联系人电话',
    '办理方式',
    '详细地址',
    '街道、门牌号',
    '12 家银行',
    '单位的信息',
    '年满18周岁',
    '安全提示',
    '第1张',
    'el-form-item',
    'el-input__inner',
    'form-control',
    'el-id-1024-5',
    '.el-select__wrapper',
    '/govPortals/apply/c85a49fb-2dc3-4a53-95e1-25e9b0491bae/basic',
    '«18 chars, ID-like»',
  ])('%s', (text) => {
    expect(anonymise(text)).toBe(text);
  });

  it('name shapes: a surname start is not enough', () => {
    for (const word of ['金额', '周期', '方式', '黄浦区', '高级', '常用', '石化', '王府井街道', '申请日期']) expect(looksLikeName(word), word).toBe(false);
    for (const name of ['王秀英', '李建国', '张伟', '司马光', '刘洋']) expect(looksLikeName(name), name).toBe(true);
  });

  it('is idempotent', () => {
    for (const s of ['王秀英的报销信息', '13800001111', '上海市松江区泗泾镇长春园3号101室', '本人办理']) expect(anonymise(anonymise(s))).toBe(anonymise(s));
  });
});

describe('secrets: the values the page holds are scrubbed wherever they appear', () => {
  it('whole values and the street part of an address; option texts and known words are not secrets', () => {
    const a = createAnonymiser(['王秀英', '上海市松江区泗泾镇长春园3号101室', '本人办理', '中国工商银行', 'on', '12'], ['本人办理']);
    expect(a.secrets).toEqual(['上海市松江区泗泾镇长春园3号101室', '长春园3号101室', '王秀英']);
    expect(a('报销人（王秀英）')).toBe('报销人（«3 chars, name-like»）');
    expect(a('长春园3号101室')).toBe('«9 chars, address-like»');
    expect(a('本人办理 / 中国工商银行 / button')).toBe('本人办理 / 中国工商银行 / button');
  });

  it('a value with no personal shape is still replaced, by its length', () => {
    const a = createAnonymiser(['阿花']);
    expect(a('阿花的申请')).toBe('«2 chars, value»的申请');
    expect(shapeOfValue('13800001111')).toBe('«11 digits, phone-like»');
  });
});

describe('property: generated personal data never survives, whatever surrounds it', () => {
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  const id = fc.tuple(digits(17), fc.constantFrom('0', '5', '9', 'X')).map(([d, c]) => `3${d.slice(1)}${c}`);
  const phone = digits(9).map((d) => `13${d}`);
  const bank = fc.integer({ min: 12, max: 19 }).chain((n) => digits(n - 1).map((d) => `6${d}`));
  const house = fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 99 })).map(([a, b]) => `泗通路${a}弄${b}号`);
  const around = fc.constantFrom('', '报销人', '联系电话：', '（', ' ', '账号 ', '地址:');

  it('ID numbers, phones, bank numbers and house numbers are gone, and so are their last 8 digits', () => {
    fc.assert(
      fc.property(around, fc.oneof(id, phone, bank, house), around, (pre, secret, post) => {
        const out = anonymise(`${pre}${secret}${post}`);
        expect(out).not.toContain(secret);
        const tail = secret.replace(/\D/g, '').slice(-8);
        if (tail.length >= 6) expect(out).not.toContain(tail);
      }),
      { numRuns: 300 },
    );
  });
});
