import { describe, expect, it } from 'vitest';
import { fieldFeedback, ageFromIdNumber } from '@/utils/profiles/validation';
import { profileSchema } from '@/utils/profiles/schema';

const today = new Date(2026, 10, 25);

describe('profile editor feedback (shared validators)', () => {
  it('tells the age from the ID number, and that a minor has no 身份证 photo', () => {
    const adult = fieldFeedback('idNumber', '310117195505050045', today);
    expect(adult?.level).toBe('info');
    expect(adult?.messages.join()).toContain('71周岁');
    const minor = fieldFeedback('idNumber', '310117201506010035', today);
    expect(minor?.messages.join()).toContain('户口本');
    expect(ageFromIdNumber('310117201506010035', today)).toEqual({ age: 11, isMinor: true });
  });

  it('errors on a wrong check digit and on 29 February of a common year, as the user types', () => {
    expect(fieldFeedback('idNumber', '310117195505050046', today)?.level).toBe('error');
    expect(fieldFeedback('idNumber', '310117194902290024', today)?.messages.join()).toContain('闰年');
    expect(fieldFeedback('idNumber', '31011719550505', today)?.level).toBe('error');
  });

  it('a failed Luhn check is a warning, and the profile can still be saved', () => {
    expect(fieldFeedback('bankAccount', '6222021001122334456')?.level).toBe('warning');
    const p = profileSchema.safeParse({
      id: 'a', name: '王建国', idNumber: '310117195505050045', phone: '13812345678', mailingAddress: '松江区中山街道',
      insuranceType: 'employee', bankName: '工行', bankAccount: '6222021001122334456',
      createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(p.success).toBe(true);
  });

  it('says at once whether the address lies in 松江区, and why not', () => {
    expect(fieldFeedback('mailingAddress', '上海市松江区泗泾镇泗通路225弄3号')?.level).toBe('info');
    const qibao = fieldFeedback('mailingAddress', '七宝镇七莘路100号');
    expect(qibao?.level).toBe('warning');
    expect(qibao?.messages.join()).toContain('闵行');
    expect(fieldFeedback('mailingAddress', '')?.level).toBe('error');
  });

  it('phones: mobile and Shanghai landline fine, others explained', () => {
    expect(fieldFeedback('phone', '13812345678')).toBeNull();
    expect(fieldFeedback('phone', '12812345678')?.level).toBe('error');
    expect(fieldFeedback('postcode', '')).toBeNull();
  });
});
