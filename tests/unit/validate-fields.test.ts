import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  validatePhone,
  validateBankAccount,
  luhnValid,
  validateName,
  validatePostcode,
  validateAddressField,
  validateIdNumber,
  messageKey,
} from '@/utils/validate';
import { catalog, duplicateKeys } from '@/locales';
import validateLocale from '@/locales/validate.json';

const codes = (list: { code: string }[]) => list.map((i) => i.code);

describe('validatePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086-13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１９９１２３４５６７８', '19912345678'],
  ])('mobile %s', (input, value) => {
    const r = validatePhone(input);
    expect(r.ok).toBe(true);
    expect(r.kind).toBe('mobile');
    expect(r.value).toBe(value);
    expect(r.warnings).toEqual([]);
  });

  it.each([
    ['021-57812345', '021-57812345'],
    ['(021) 5781 2345', '021-57812345'],
    ['02157812345', '021-57812345'],
    ['57812345', '021-57812345'],
    ['+86 21 5781 2345', '021-57812345'],
  ])('Shanghai landline %s', (input, value) => {
    const r = validatePhone(input);
    expect(r.ok).toBe(true);
    expect(r.kind).toBe('landline-shanghai');
    expect(r.value).toBe(value);
  });

  it.each([
    ['021-57812345-801', '021-57812345 转801', '801'],
    ['57812345转801', '021-57812345 转801', '801'],
    ['021 5781 2345 分机 12', '021-57812345 转12', '12'],
    ['(021)57812345#8001', '021-57812345 转8001', '8001'],
  ])('Shanghai landline with extension %s', (input, value, extension) => {
    const r = validatePhone(input);
    expect(r.ok).toBe(true);
    expect(r.value).toBe(value);
    expect(r.extension).toBe(extension);
    expect(codes(r.notes)).toEqual(['phone-extension']);
  });

  it('the last group of a mobile number is not an extension', () => {
    expect(validatePhone('138-1234-5678').value).toBe('13812345678');
    expect(validatePhone('138-1234-5678').extension).toBeUndefined();
    expect(validatePhone('021-5781-2345').value).toBe('021-57812345');
  });

  it('other landlines are accepted with a warning naming the area code', () => {
    const r = validatePhone('0571-87654321');
    expect(r.ok).toBe(true);
    expect(r.kind).toBe('landline-other');
    expect(r.value).toBe('0571-87654321');
    expect(codes(r.warnings)).toEqual(['phone-other-landline']);
    expect(r.warnings[0]!.message).toContain('0571');
    expect(validatePhone('010-12345678').value).toBe('010-12345678');
  });

  it.each([
    ['', 'phone-empty'],
    ['1381234567', 'phone-mobile-length'],
    ['138123456789', 'phone-mobile-length'],
    ['12812345678', 'phone-mobile-prefix'],
    ['021-5781234', 'phone-shanghai-length'],
    ['5781234', 'phone-short-landline'],
    ['138一二三45678', 'phone-chars'],
    ['95588', 'phone-invalid'],
  ])('refuses %s (%s)', (input, code) => {
    const r = validatePhone(input);
    expect(r.ok).toBe(false);
    expect(codes(r.errors)).toEqual([code]);
  });
});

describe('validateBankAccount', () => {
  it('accepts a Luhn-valid card number with spaces and shows it in groups of four', () => {
    const valid = '4111111111111111';
    const v = validateBankAccount('4111 1111 1111 1111');
    expect(v.ok).toBe(true);
    expect(v.value).toBe(valid);
    expect(v.display).toBe('4111 1111 1111 1111');
    expect(v.luhn).toBe(true);
    expect(v.warnings).toEqual([]);
  });

  it('a failed Luhn check is a warning, not an error', () => {
    const r = validateBankAccount('4111111111111112');
    expect(r.ok).toBe(true);
    expect(r.luhn).toBe(false);
    expect(codes(r.warnings)).toEqual(['bank-luhn']);
    expect(r.warnings[0]!.message).toContain('核对');
  });

  it('unusual but possible lengths (passbooks) warn; impossible lengths are errors', () => {
    expect(codes(validateBankAccount('12345678903').warnings)).toContain('bank-length-unusual');
    expect(validateBankAccount('12345678903').ok).toBe(true);
    expect(codes(validateBankAccount('123456789').errors)).toEqual(['bank-length']);
    expect(codes(validateBankAccount('1'.repeat(26)).errors)).toEqual(['bank-length']);
    expect(codes(validateBankAccount('6222-0212-3456-789A').errors)).toEqual(['bank-chars']);
    expect(codes(validateBankAccount('  ').errors)).toEqual(['bank-empty']);
  });

  it('luhnValid', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });
});

describe('validateName', () => {
  it.each([
    ['张三', '张三'],
    ['欧阳娜娜', '欧阳娜娜'],
    ['买买提·艾力', '买买提·艾力'],
    ['阿依古丽•吐尔逊', '阿依古丽·吐尔逊'],
    ['爱新觉罗・溥仪', '爱新觉罗·溥仪'],
    ['热合曼.阿不都', '热合曼·阿不都'],
    ['𠮷野', '𠮷野'],
  ])('accepts %s', (input, value) => {
    const r = validateName(input);
    expect(r.ok).toBe(true);
    expect(r.value).toBe(value);
  });

  it('removes spaces inside a Chinese name with a note', () => {
    const r = validateName('张  三');
    expect(r.ok).toBe(true);
    expect(r.value).toBe('张三');
    expect(codes(r.warnings)).toEqual(['name-spaces-removed']);
  });

  it.each([
    ['', 'name-empty'],
    ['张', 'name-too-short'],
    ['张三3', 'name-chars'],
    ['张三（爸爸）', 'name-chars'],
    ['·张三', 'name-dot-position'],
    ['张··三', 'name-dot-position'],
    ['张'.repeat(31), 'name-too-long'],
  ])('refuses %s (%s)', (input, code) => {
    expect(codes(validateName(input).errors)).toEqual([code]);
  });

  it('Latin names are allowed with a warning', () => {
    const r = validateName('John Smith');
    expect(r.ok).toBe(true);
    expect(codes(r.warnings)).toEqual(['name-latin']);
  });
});

describe('validatePostcode', () => {
  it('2016xx is a soft Songjiang signal', () => {
    const r = validatePostcode('201615');
    expect(r.ok).toBe(true);
    expect(r.songjiangHint).toBe(true);
    expect(codes(r.notes)).toEqual(['postcode-songjiang']);
  });
  it('other Shanghai postcodes: a note; outside Shanghai: a warning; malformed: an error', () => {
    expect(codes(validatePostcode('201100').notes)).toEqual(['postcode-not-songjiang']);
    expect(codes(validatePostcode('310000').warnings)).toEqual(['postcode-not-shanghai']);
    expect(codes(validatePostcode('20161').errors)).toEqual(['postcode-length']);
    expect(codes(validatePostcode('2016A5').errors)).toEqual(['postcode-chars']);
    expect(codes(validatePostcode('').errors)).toEqual(['postcode-empty']);
    expect(validatePostcode('２０１６１５').value).toBe('201615');
  });
});

describe('validateAddressField', () => {
  it('inside: a note only', () => {
    const r = validateAddressField('上海市松江区九亭镇涞亭南路888弄1号');
    expect(r.ok).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.verdict.verdict).toBe('inside');
    expect(codes(r.notes)).toEqual(['address-inside-place']);
  });
  it('outside: a warning at once (the guard decides severity itself)', () => {
    const r = validateAddressField('上海市闵行区七宝镇七莘路100号');
    expect(r.ok).toBe(true);
    expect(codes(r.warnings)).toEqual(['address-outside-place']);
    expect(r.warnings[0]!.message).toBe('地址中的「七宝镇」属于闵行区，报销快递只能寄往松江区，请换一个松江区的地址。');
  });
  it('unknown: a soft warning; empty: an error', () => {
    expect(codes(validateAddressField('人民路100号').warnings)).toEqual(['address-road-only']);
    expect(codes(validateAddressField('幸福小区3号楼').warnings)).toEqual(['address-unverified']);
    expect(codes(validateAddressField('  ').errors)).toEqual(['address-empty']);
  });
});

describe('messages', () => {
  it('every validate/address key is prefixed, has zh_CN and en, and is unique across locale files', () => {
    expect(duplicateKeys()).toEqual([]);
    for (const [key, entry] of Object.entries(validateLocale as Record<string, { zh_CN: string; en: string }>)) {
      expect(key).toMatch(/^(validate|address)[A-Z]/);
      expect(entry.zh_CN.length).toBeGreaterThan(4);
      expect(entry.en.length).toBeGreaterThan(4);
      expect(catalog[key]).toBeDefined();
    }
  });

  it('every issue code produced by the validators has a message (no raw keys shown to users)', () => {
    const inputs = ['', 'x', '1', '12345', '021-1', '0571-8765432', '张', '·', '310227550317123', '11010519491231002X', '2016', '99999'];
    for (const s of inputs) {
      for (const r of [validatePhone(s), validateBankAccount(s), validateName(s), validatePostcode(s), validateIdNumber(s), validateAddressField(s)]) {
        for (const i of [...r.errors, ...r.warnings, ...r.notes]) {
          expect(i.message, i.code).not.toBe(messageKey(i.code));
          expect(i.message).not.toMatch(/\$\d/);
        }
      }
    }
  });
});

describe('property: random strings never throw', () => {
  it('all validators', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })), (s) => {
        for (const r of [validatePhone(s), validateBankAccount(s), validateName(s), validatePostcode(s), validateIdNumber(s), validateAddressField(s)]) {
          expect(typeof r.ok).toBe('boolean');
          expect(r.ok).toBe(r.errors.length === 0);
        }
      }),
      { numRuns: 1500 },
    );
  });
  it('non-string inputs are treated as empty', () => {
    for (const v of [null, undefined, 42, {}, []]) {
      expect(validatePhone(v).ok).toBe(false);
      expect(validateName(v).ok).toBe(false);
      expect(validateBankAccount(v).ok).toBe(false);
    }
  });
});
