import { describe, expect, it } from 'vitest';
import {
  idBirthDate,
  idCheckDigit,
  maskIdNumber,
  migrateProfile,
  orderedProfile,
  profileSchema,
  PROFILE_KEYS,
  PROFILE_SCHEMA_VERSION,
} from '@/utils/profiles/schema';

const base = {
  id: 'p-1',
  name: '王建国',
  idNumber: '310117195505050045',
  phone: '13812345678',
  mailingAddress: '上海市松江区泗泾镇泗通路225弄3号',
  insuranceType: 'employee',
  bankName: '中国工商银行',
  bankAccount: '6222021001122334455',
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-02T03:04:05.000Z',
};

describe('profile schema', () => {
  it('accepts a complete profile and normalises ID number and bank account', () => {
    const p = profileSchema.parse({ ...base, idNumber: '11010519491231002x', bankAccount: '6222 0210 0112 2334 455' });
    expect(p.idNumber).toBe('11010519491231002X');
    expect(p.bankAccount).toBe('6222021001122334455');
  });

  it('computes the GB 11643 check digit, including X', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idCheckDigit('31011719550505004')).toBe('5');
  });

  it('knows 29 February only in leap years', () => {
    expect(idBirthDate('310117194802290024')).toBe('1948-02-29');
    expect(idBirthDate('310117194902290024')).toBeNull();
    expect(profileSchema.safeParse({ ...base, idNumber: '310117194802290024' }).success).toBe(true);
  });

  it('keeps retired region codes (former 松江县 3102xx) valid', () => {
    expect(profileSchema.safeParse({ ...base, idNumber: '31022719500315001X' }).success).toBe(true);
  });

  it('refuses a wrong check digit, an impossible date and 15-digit IDs with clear Chinese messages', () => {
    const wrong = profileSchema.safeParse({ ...base, idNumber: '310117195505050046' });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues[0]!.message).toContain('校验位');
    const date = profileSchema.safeParse({ ...base, idNumber: '310117195513320045' });
    expect(date.error!.issues[0]!.message).toContain('出生日期');
    const legacy = profileSchema.safeParse({ ...base, idNumber: '310117550505004' });
    expect(legacy.error!.issues[0]!.message).toContain('15位');
  });

  it('accepts mobiles and Shanghai landlines, refuses other numbers', () => {
    for (const phone of ['13812345678', '021-57781234', '57781234', '+86 13812345678']) {
      expect(profileSchema.safeParse({ ...base, phone }).success, phone).toBe(true);
    }
    expect(profileSchema.parse({ ...base, phone: '57781234' }).phone).toBe('021-57781234');
    for (const phone of ['12812345678', '1381234567', '5778123', 'abc']) {
      expect(profileSchema.safeParse({ ...base, phone }).success, phone).toBe(false);
    }
  });

  it('refuses a bank account with letters', () => {
    expect(profileSchema.safeParse({ ...base, bankAccount: '6222abc' }).success).toBe(false);
  });

  it('orders keys stably and drops undefined', () => {
    const p = profileSchema.parse({ notes: '', isSelf: true, ...base, displayName: '爸爸' });
    const keys = Object.keys(orderedProfile(p));
    expect(keys).toEqual(PROFILE_KEYS.filter((k) => keys.includes(k)));
    expect(keys).not.toContain('notes');
  });

  it('masks the ID number', () => {
    expect(maskIdNumber('310117195505050045')).toBe('310117********0045');
  });
});

describe('profile migrations', () => {
  const ctx = { now: () => '2026-03-04T05:06:07.000Z', newId: () => 'new-id' };

  it('upgrades the v0 prototype shape (phoneNumber/address/idCard/insurance in Chinese)', () => {
    const v0 = {
      nickname: '妈妈',
      name: '李秀英',
      idCard: '310117195707070052',
      phoneNumber: '13900001111',
      address: '上海市松江区九亭镇涞亭南路888弄',
      insurance: '居保',
      bank: '上海农商银行',
      bankAccount: '6224 1234 5678 9012',
      remark: '腿脚不便',
    };
    const p = migrateProfile(v0, 0, ctx);
    expect(p).toMatchObject({
      id: 'new-id',
      displayName: '妈妈',
      name: '李秀英',
      idNumber: '310117195707070052',
      phone: '13900001111',
      mailingAddress: '上海市松江区九亭镇涞亭南路888弄',
      insuranceType: 'resident',
      bankName: '上海农商银行',
      bankAccount: '6224123456789012',
      notes: '腿脚不便',
      createdAt: '2026-03-04T05:06:07.000Z',
    });
    expect(migrateProfile({ ...v0, id: 'keep', insurance: '职保' }, 0, ctx)).toMatchObject({ id: 'keep', insuranceType: 'employee' });
  });

  it('validates after migrating: a bad legacy ID is refused', () => {
    expect(() =>
      migrateProfile({ name: 'x', idCard: '310117195707070053', phoneNumber: '13900001111', address: 'a', insurance: '职保', bank: 'b', bankAccount: '6224123456789012' }, 0, ctx),
    ).toThrow();
  });

  it('leaves current-version profiles as they are and refuses unknown versions', () => {
    expect(migrateProfile(base, PROFILE_SCHEMA_VERSION)).toEqual(profileSchema.parse(base));
    expect(() => migrateProfile(base, PROFILE_SCHEMA_VERSION + 1)).toThrow(/version/);
  });
});
