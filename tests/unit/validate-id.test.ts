import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateIdNumber, idCheckDigit } from '@/utils/validate';

/** A well-formed ID from region + birth date + sequence, with the right check digit. */
const makeId = (region: string, birth: string, seq = '123') => {
  const first17 = `${region}${birth}${seq}`;
  return first17 + idCheckDigit(first17);
};
const TODAY = new Date(2026, 10, 25); // 25 Nov 2026, local time
const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code);

describe('validateIdNumber', () => {
  it('accepts the GB 11643 sample number 11010519491231002X, check digit X', () => {
    const r = validateIdNumber('11010519491231002X', TODAY);
    expect(r.ok).toBe(true);
    expect(r.birthDate).toBe('1949-12-31');
    expect(r.sex).toBe('female');
    expect(r.provinceName).toBe('北京市');
    expect(r.age).toBe(76);
    expect(r.isMinor).toBe(false);
  });

  it('normalises a lower-case x, spaces and full-width digits', () => {
    const r = validateIdNumber(' １１０１０５ 19491231 002x ', TODAY);
    expect(r.ok).toBe(true);
    expect(r.value).toBe('11010519491231002X');
  });

  it('refuses a wrong check digit and says which digit it should be', () => {
    const r = validateIdNumber('110105194912310021', TODAY);
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(['id-check-digit']);
    expect(r.errors[0]!.params).toEqual(['X', '1']);
    expect(r.errors[0]!.message).toContain('逐位核对');
  });

  it('computes X as check digit when the remainder is 2', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(() => idCheckDigit('123')).toThrow();
  });

  it('accepts 29 February in a leap year (2000, 1996)', () => {
    expect(validateIdNumber(makeId('310117', '20000229'), TODAY).ok).toBe(true);
    expect(validateIdNumber(makeId('310117', '19960229'), TODAY).birthDate).toBe('1996-02-29');
  });

  it('refuses 29 February in a common year (1999, 1900) and says why', () => {
    const r = validateIdNumber(makeId('310117', '19990229'), TODAY);
    expect(codes(r)).toEqual(['id-birth-feb29']);
    expect(r.errors[0]!.message).toContain('1999年不是闰年');
    expect(codes(validateIdNumber(makeId('310117', '19000229'), TODAY))).toEqual(['id-birth-feb29']);
  });

  it('refuses impossible dates: 31 April, month 13, day 00', () => {
    for (const birth of ['19800431', '19801301', '19800100']) expect(codes(validateIdNumber(makeId('310117', birth), TODAY))).toEqual(['id-birth-date']);
  });

  it('refuses a birth date in the future or before 1900', () => {
    expect(codes(validateIdNumber(makeId('310117', '20261126'), TODAY))).toEqual(['id-birth-future']);
    expect(validateIdNumber(makeId('310117', '20261125'), TODAY).ok).toBe(true); // born today
    expect(codes(validateIdNumber(makeId('310117', '18991231'), TODAY))).toEqual(['id-birth-before1900']);
  });

  it('refuses an invalid province prefix (00, 10, 39, 99), even with a good check digit', () => {
    for (const region of ['000000', '100000', '390101', '990101']) {
      const r = validateIdNumber(makeId(region, '19800101'), TODAY);
      expect(codes(r)).toEqual(['id-province']);
      expect(r.errors[0]!.message).toContain(region.slice(0, 2));
    }
  });

  it('accepts every real province code', () => {
    for (const p of ['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65', '71', '81', '82'])
      expect(validateIdNumber(makeId(`${p}0101`, '19800101'), TODAY).ok, p).toBe(true);
  });

  it('never refuses retired Shanghai codes (former 县 3102xx, 卢湾, 闸北, 南汇, 南市) and explains them', () => {
    for (const [region, name] of [
      ['310227', '松江县'], ['310228', '金山县'], ['310230', '崇明县'], ['310221', '上海县'],
      ['310103', '卢湾区'], ['310108', '闸北区'], ['310119', '南汇区'], ['310102', '南市区'],
    ] as const) {
      const r = validateIdNumber(makeId(region, '19550317'), TODAY);
      expect(r.ok, region).toBe(true);
      expect(r.regionName).toBe(name);
      expect(r.notes.map((n) => n.code)).toContain('id-region-retired');
      expect(r.warnings).toEqual([]);
    }
  });

  it('never refuses an unknown 6-digit region inside a real province', () => {
    const r = validateIdNumber(makeId('319999', '19800101'), TODAY);
    expect(r.ok).toBe(true);
    expect(r.regionName).toBeUndefined();
    expect(validateIdNumber(makeId('330000', '19800101'), TODAY).ok).toBe(true);
  });

  it('refuses 15-digit legacy IDs with a clear message', () => {
    const r = validateIdNumber('310227550317123', TODAY);
    expect(codes(r)).toEqual(['id-legacy15']);
    expect(r.errors[0]!.message).toContain('请使用18位新身份证号码');
  });

  it('refuses wrong lengths and stray characters', () => {
    expect(codes(validateIdNumber('31011719800101', TODAY))).toEqual(['id-length']);
    expect(codes(validateIdNumber('3101171980010112345', TODAY))).toEqual(['id-length']);
    expect(codes(validateIdNumber('3101171980O101123X', TODAY))).toEqual(['id-chars']);
    expect(codes(validateIdNumber('31011719800101X234', TODAY))).toEqual(['id-chars']);
    expect(codes(validateIdNumber('', TODAY))).toEqual(['id-empty']);
    expect(codes(validateIdNumber(undefined, TODAY))).toEqual(['id-empty']);
  });

  it('reports several problems at once (province + date + check digit)', () => {
    expect(codes(validateIdNumber('991234199913320000', TODAY))).toEqual(['id-province', 'id-birth-date', 'id-check-digit']);
  });

  describe('age and minors', () => {
    const id = makeId('310117', '20081125'); // 18th birthday on 2026-11-25
    it('is a minor the day before the 18th birthday', () => {
      const r = validateIdNumber(id, new Date(2026, 10, 24));
      expect(r.age).toBe(17);
      expect(r.isMinor).toBe(true);
      expect(r.notes.map((n) => n.code)).toEqual(['id-minor']);
      expect(r.notes[0]!.message).toContain('户口本本人页');
    });
    it('is an adult on the 18th birthday', () => {
      const r = validateIdNumber(id, new Date(2026, 10, 25));
      expect(r.age).toBe(18);
      expect(r.isMinor).toBe(false);
      expect(r.notes[0]!.message).toBe('出生于2008年11月25日，现在18周岁。');
    });
    it('a 29 February birthday is reached on 1 March in common years', () => {
      const leapling = makeId('310117', '20080229');
      expect(validateIdNumber(leapling, new Date(2026, 1, 28)).age).toBe(17);
      expect(validateIdNumber(leapling, new Date(2026, 2, 1)).age).toBe(18);
    });
    it('sex from the 17th digit', () => {
      expect(validateIdNumber(makeId('310117', '19800101', '131'), TODAY).sex).toBe('male');
      expect(validateIdNumber(makeId('310117', '19800101', '132'), TODAY).sex).toBe('female');
    });
    it('warns (does not refuse) at 110 years or more', () => {
      const r = validateIdNumber(makeId('310227', '19100101'), TODAY);
      expect(r.ok).toBe(true);
      expect(r.warnings.map((w) => w.code)).toEqual(['id-very-old']);
    });
  });

  it('property: any string gives a result and never throws; ok implies a valid shape', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const r = validateIdNumber(s, TODAY);
        if (r.ok) expect(r.value).toMatch(/^\d{17}[\dX]$/);
        for (const i of [...r.errors, ...r.warnings, ...r.notes]) expect(i.message).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });

  it('property: every well-formed ID of a real province and past date is accepted; one changed digit is caught', () => {
    const provinces = ['11', '31', '33', '44', '65', '82'];
    fc.assert(
      fc.property(
        fc.constantFrom(...provinces),
        fc.integer({ min: 0, max: 9999 }),
        fc.date({ min: new Date(1901, 0, 1), max: new Date(2025, 11, 31), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 16 }),
        (p, region, date, seq, pos) => {
          const birth = `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
          const id = makeId(`${p}${String(region).padStart(4, '0')}`, birth, String(seq).padStart(3, '0'));
          expect(validateIdNumber(id, TODAY).ok).toBe(true);
          const d = Number(id[pos]);
          const changed = id.slice(0, pos) + String((d + 1) % 10) + id.slice(pos + 1);
          expect(validateIdNumber(changed, TODAY).ok).toBe(false); // mod 11-2 catches every single-digit error
        },
      ),
      { numRuns: 500 },
    );
  });
});
