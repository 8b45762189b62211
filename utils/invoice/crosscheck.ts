// Cross-checks between fields: shapes, 大写 vs 小写, payments vs total, dates. Failures lower confidence and add
// a warning; where the redundancy pins a value down (a decodable 大写, payments that add up) it fills or repairs it.
import { t } from '@/utils/i18n';
import { amountCents, centsToAmount, isIsoDate, normalizeAmount, upperAgrees, upperToAmount } from './shapes';
import type { Box, FieldName, FieldSource, InvoiceFields, Issue } from './types';

export interface FieldState<T = unknown> {
  value: T;
  conf: number;
  source: FieldSource;
  boxes: Box[];
  alts?: T[];
}

export type FieldStates = { [K in FieldName]?: FieldState<NonNullable<InvoiceFields[K]>> };

export interface CrossCheckInput {
  fields: FieldStates;
  /** 其他支付 (part of the payment sum), when read. */
  otherPaid?: FieldState<string>;
  /** Sums of the items' amounts as read (one per parse): a total equal to one of them is confirmed. */
  itemsSums?: string[];
  /** "Today" for the future-date check (YYYY-MM-DD); default: the current date. */
  today?: string;
}

function issue(code: string, fields: FieldName[], ...subs: Array<string | number>): Issue {
  return { code, message: t(code, ...subs), fields };
}

function lower(st: FieldState | undefined, factor: number): void {
  if (st && st.source !== 'qr') st.conf = Math.max(0, Math.min(1, st.conf * factor));
}

function raise(st: FieldState | undefined, to: number): void {
  if (st && st.source !== 'qr') st.conf = Math.max(st.conf, to);
}

/** Mutates `input.fields` (confidence, repaired/derived values) and returns the warnings. */
export function crossCheck(input: CrossCheckInput): Issue[] {
  const f = input.fields;
  const warnings: Issue[] = [];

  // ---- shapes
  const shape = (name: FieldName, ok: (v: string) => boolean, code: string) => {
    const st = f[name] as FieldState<string> | undefined;
    if (st && !ok(st.value)) {
      lower(st, 0.5);
      warnings.push(issue(code, [name], st.value));
    }
  };
  shape('invoiceCode', (v) => /^\d{8}$/.test(v), 'invoiceWarnCodeShape');
  shape('invoiceNumber', (v) => /^\d{10}$/.test(v), 'invoiceWarnNumberShape');
  shape('checkCode', (v) => /^[0-9a-f]{6}$/.test(v), 'invoiceWarnCheckCodeShape');
  shape('issueDate', isIsoDate, 'invoiceWarnDate');
  for (const a of ['totalAmount', 'fundPaid', 'accountPaid', 'cashPaid'] as const) shape(a, (v) => amountCents(v) !== null, 'invoiceWarnAmountShape');

  // ---- 大写 vs 小写
  const total = f.totalAmount;
  const upper = f.totalAmountUpper;
  const upperValue = upper ? upperToAmount(upper.value) : null;
  if (upper && !upperValue) {
    lower(upper, 0.5);
    warnings.push(issue('invoiceWarnUpperUnreadable', ['totalAmountUpper']));
  }
  // A cell border or speck read as a digit before the total ("|2,732.20" → 12732.20): the total without its
  // first digit is taken when the 大写 (decoded, or damaged but agreeing wherever readable) or the items' sum
  // says so and the total as read disagrees with them. A repair: marked for checking.
  let totalRepaired = false;
  const itemsSums = input.itemsSums ?? [];
  if (total && (upper || itemsSums.length) && total.source === 'ocr') {
    const readings = upper ? [upper.value, ...(upper.alts ?? [])] : [];
    const upperSays = (a: string) => (upperValue ? amountCents(upperValue) === amountCents(a) : readings.some((u) => upperAgrees(u, a)));
    // (the items adding up to it say so too; a decoded 大写 or the items say more than a damaged 大写, whose
    // unread characters admit any numeral)
    const support = (a: string) => (upperSays(a) ? (upperValue ? 2 : 1) : 0) + (itemsSums.some((x) => amountCents(x) === amountCents(a)) ? 2 : 0);
    const cut = normalizeAmount(total.value.slice(1));
    // (another reading of the total — a pass that saw the digit a rule hid, "|150,994.83" read "50,994.83" — is
    // taken the same way when they confirm it better than the one shown)
    const others = [...(cut && /^[1-9]/.test(cut) ? [cut] : []), ...(total.alts ?? [])].filter((a) => amountCents(a) !== null && a !== total.value);
    const own = support(total.value);
    const better = others.map((a) => ({ a, s: support(a) })).filter((x) => x.s > own).sort((x, y) => y.s - x.s)[0]?.a;
    if (better) {
      warnings.push(issue(better === cut ? 'invoiceWarnTotalRepaired' : 'invoiceWarnTotalOtherReading', ['totalAmount'], total.value, better));
      total.alts = [total.value, ...(total.alts ?? []).filter((a) => a !== better)];
      total.value = better;
      total.conf = Math.min(total.conf, 0.7);
      totalRepaired = true;
    }
  }
  if (total && upper && upperValue) {
    if (amountCents(upperValue) === amountCents(total.value)) {
      if (!totalRepaired) raise(total, 0.95);
      raise(upper, 0.95);
    } else {
      lower(total, 0.5);
      lower(upper, 0.5);
      warnings.push(issue('invoiceWarnUpperMismatch', ['totalAmount', 'totalAmountUpper'], upperValue, total.value));
    }
  } else if (!total && upper && upperValue) {
    f.totalAmount = { value: upperValue, conf: upper.conf * 0.9, source: upper.source, boxes: upper.boxes };
  }

  // ---- one payment not read: the total minus the others (统筹 + 其他 + 个人账户 + 个人现金 = 合计), when the total is
  // confirmed (its 大写 agrees, or two independent readings did: ≥ 0.95) and what is left is a real amount.
  // Shown for checking: a misread total would otherwise hide in the derived part.
  const payFields = ['fundPaid', 'accountPaid', 'cashPaid'] as const;
  const missingPay = payFields.filter((n) => !f[n] || amountCents(f[n]!.value) === null);
  const totalNow = f.totalAmount;
  const totalCents = totalNow ? amountCents(totalNow.value) : null;
  let derived: FieldName | null = null;
  // A 大写 too damaged to decode that agrees with the total wherever it is readable (in any of its readings)
  // confirms it enough for that (the derived payment is marked for checking either way).
  // The items adding up to the total confirm it too.
  const itemsAgree = !!totalNow && totalCents !== null && itemsSums.some((x) => amountCents(x) === totalCents);
  if (itemsAgree && !totalRepaired) raise(totalNow, 0.9);
  const totalAgreed = !!totalNow && (totalNow.conf >= 0.95 || itemsAgree || (!!upper && !upperValue && [upper.value, ...(upper.alts ?? [])].some((u) => upperAgrees(u, totalNow.value))));
  if (missingPay.length === 1 && totalNow && totalCents !== null && totalAgreed) {
    const others = payFields.filter((n) => n !== missingPay[0]).map((n) => amountCents(f[n]!.value)!);
    const other = input.otherPaid ? amountCents(input.otherPaid.value) ?? 0 : 0;
    const rest = totalCents - others.reduce((a, b) => a + b, 0) - other;
    if (rest >= 0) {
      const name = missingPay[0]!;
      f[name] = { value: centsToAmount(rest), conf: 0.7, source: totalNow.source, boxes: [] };
      derived = name;
      warnings.push(issue('invoiceWarnPaymentDerived', [name], t(`invoiceField${name[0]!.toUpperCase()}${name.slice(1)}`), centsToAmount(rest)));
    }
  }

  // ---- payments add up to the total (统筹 + 其他 + 个人账户 + 个人现金)
  const parts: Array<[FieldName | 'otherPaid', FieldState<string> | undefined]> = [
    ['fundPaid', f.fundPaid],
    ['otherPaid', input.otherPaid],
    ['accountPaid', f.accountPaid],
    ['cashPaid', f.cashPaid],
  ];
  const present = parts.filter(([, st]) => st && amountCents(st.value) !== null) as Array<[FieldName | 'otherPaid', FieldState<string>]>;
  const partNames = present.map(([n]) => n).filter((n): n is FieldName => n !== 'otherPaid');
  // (not when a payment was just derived from this very sum)
  if (!derived && f.fundPaid && f.cashPaid && present.length >= 2) {
    const sum = (vals: string[]) => vals.reduce((a, v) => a + (amountCents(v) ?? 0), 0);
    const base = present.map(([, st]) => st.value);
    const totalNow = f.totalAmount;
    const tc = totalNow ? amountCents(totalNow.value) : null;
    const upperCents = upperValue ? amountCents(upperValue) : null;
    // Try alternative readings (one part at a time) when the plain sum does not match.
    let matched = tc !== null && sum(base) === tc;
    let totalFromUpper = false;
    // A sum that matches only after a part took another of its readings was made to agree with the total, not
    // found to: the total and that reading may share one misread (a glyph before both hid the same leading 1,
    // ¥170,037.46 → 70,037.46): the total stays for checking.
    let repairedPart = false;
    // The 大写 is a reading of the total of its own: when it agrees with the payments as read and not with the
    // total (its leading 1 hidden as above while the cash was read whole), the total is the sum — not the parts
    // bent to it. Marked for checking unless the 大写 decoded cleanly.
    const upperReadings = upper ? [upper.value, ...(upper.alts ?? [])] : [];
    const upperSaysSum = (a: string) => (upperCents !== null ? upperCents === amountCents(a) : upperReadings.some((u) => upperAgrees(u, a)));
    const plain = centsToAmount(sum(base));
    if (!matched && totalNow && tc !== null && upper && sum(base) > 0 && upperSaysSum(plain) && !upperSaysSum(totalNow.value)) {
      warnings.push(issue('invoiceWarnTotalDerived', ['totalAmount'], plain));
      f.totalAmount = { ...totalNow, value: plain, conf: upperCents !== null ? 0.9 : 0.7, alts: [totalNow.value, ...(totalNow.alts ?? [])] };
      if (upperCents !== null) for (const [, st] of present) raise(st, 0.85);
      matched = true;
      totalFromUpper = true;
    }
    if (!matched && tc !== null) {
      for (let i = 0; i < present.length && !matched; i++) {
        for (const alt of present[i]![1].alts ?? []) {
          const vals = base.slice();
          vals[i] = alt;
          if (sum(vals) === tc) {
            const [name, st] = present[i]!;
            repairedPart = true;
            warnings.push(issue('invoiceWarnRepaired', name === 'otherPaid' ? [] : [name], st.value, alt));
            st.value = alt;
            st.conf = Math.min(st.conf, 0.7);
            matched = true;
            break;
          }
        }
      }
    }
    const s = sum(present.map(([, st]) => st.value));
    if (totalFromUpper) {
      // (the total and its confidence were set from the 大写 above)
    } else if (matched && repairedPart) {
      lower(totalNow, 0.8);
    } else if (matched) {
      raise(totalNow, 0.9);
      for (const [, st] of present) raise(st, 0.85);
    } else if (!totalNow || (tc !== null && (tc < Math.max(...present.map(([, st]) => amountCents(st.value) ?? 0)) || (upperCents !== null && upperCents === s)))) {
      // Missing or impossible total (smaller than one of its parts), or the 大写 agrees with the sum.
      const conf = upperCents === s ? 0.9 : 0.5;
      f.totalAmount = { value: centsToAmount(s), conf, source: present[0]![1].source, boxes: [] };
      warnings.push(issue('invoiceWarnTotalDerived', ['totalAmount'], centsToAmount(s)));
    } else {
      lower(totalNow, 0.7);
      for (const [, st] of present) lower(st, 0.7);
      warnings.push(issue('invoiceWarnSumMismatch', ['totalAmount', ...partNames], centsToAmount(s), totalNow.value));
    }
  }

  // ---- dates
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  const issueDate = f.issueDate;
  if (issueDate && isIsoDate(issueDate.value) && issueDate.value > today) {
    lower(issueDate, 0.5);
    warnings.push(issue('invoiceWarnFutureDate', ['issueDate'], issueDate.value));
  }
  const period = f.hospitalizationPeriod;
  if (period) {
    const [a, b] = period.value;
    if (!isIsoDate(a) || !isIsoDate(b) || a > b) {
      lower(period, 0.5);
      warnings.push(issue('invoiceWarnPeriod', ['hospitalizationPeriod']));
    } else if (issueDate && isIsoDate(issueDate.value)) {
      const days = (Date.parse(issueDate.value) - Date.parse(b)) / 86400000;
      if (days < 0 || days > 90) {
        lower(period, 0.7);
        lower(issueDate, 0.8);
        warnings.push(issue('invoiceWarnPeriodVsIssue', ['hospitalizationPeriod', 'issueDate'], b, issueDate.value));
      } else if (days === 0) {
        raise(period, 0.85);
        raise(issueDate, 0.85);
      }
    }
  }

  // ---- visit type vs the 票据代码 hint
  const vt = f.visitType;
  const code = f.invoiceCode?.value;
  if (vt && code && code.length >= 6) {
    const hint = code.slice(4, 6) === '01' ? 'outpatient' : code.slice(4, 6) === '02' ? 'inpatient' : null;
    if (hint === 'inpatient' && vt.value !== 'inpatient') lower(vt, 0.8);
    if (hint === 'outpatient' && vt.value === 'inpatient') lower(vt, 0.8);
  }
  return warnings;
}
