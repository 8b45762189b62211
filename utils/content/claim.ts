/**
 * What the panel told this frame about the claim: the people chosen (报销人 / 委托人, minor, deceased) and the
 * recognised invoices (医保类型, 交款人 …). Kept apart so a new choice of people keeps the invoices; read by the
 * guard (what the page cannot show).
 */
import type { ClaimContext, ClaimInvoice } from '@/utils/schemas';

export interface Claim {
  setPeople(ctx: ClaimContext): void;
  setInvoices(invoices: ClaimInvoice[]): void;
  /** The guard's view: the people chosen, with the recognised invoices when there are any. */
  forGuard(): ClaimContext | null;
  /** 结束本次服务: forget the people and the invoices (issue 10 item 13). */
  clear(): void;
}

export function createClaim(): Claim {
  let people: ClaimContext | null = null;
  let invoices: ClaimInvoice[] = [];
  return {
    setPeople(ctx) {
      people = ctx;
    },
    setInvoices(list) {
      invoices = list;
    },
    clear() {
      people = null;
      invoices = [];
    },
    forGuard() {
      if (!people && invoices.length === 0) return null;
      return { ...(people ?? {}), invoices: invoices.length ? invoices : (people?.invoices ?? []) };
    },
  };
}
