/**
 * What the guard's rules read: the application as the page shows it (plus what the page cannot
 * show — deceased, OCR'd invoice values, history — from the content script's context).
 * Plain data: rules are pure functions of it, so each is unit tested without a page.
 */
import type { ClaimInvoice, ItemKind } from '@/utils/schemas';
import type { ApplyMode } from '@/utils/page/model';
import type { DocumentKind } from '@/utils/page/vocabulary';

export type { ItemKind, ApplyMode };
export type GuardPage = 'application' | 'logistics';

export interface Claimant {
  /** 报销人姓名: the person named on the invoice. */
  name?: string;
  /** 报销人身份证 */
  idNumber?: string;
  /** Set when known (e.g. from the panel); otherwise derived from `idNumber` and `now`. */
  isMinor?: boolean;
  deceased?: boolean;
}

/**
 * One invoice as the rules see it: the page's row merged with the claim's recognised invoice (the same shape
 * as `claimInvoiceSchema`, without nulls). 票据号码, 票据代码 (8 digits; digits 5–6 `02` hint at an inpatient
 * invoice), 就诊类型 and 医保类型 as written (or the reader's enum), 交款人.
 */
export type InvoiceRow = { [K in keyof ClaimInvoice]?: string };

export interface UploadSlot {
  /** The slot's label as the page writes it (银行卡, 社保卡（无社保卡可上传医保卡）…). */
  slotLabel: string;
  /** Names of the files listed under it. */
  files: string[];
  /** What the slot takes (its main words) and also accepts (its notes): from the page model; read from `slotLabel` when absent. */
  kind?: DocumentKind | null;
  accepts?: DocumentKind[];
}

export interface ApplicationState {
  item: ItemKind | null;
  page: GuardPage;
  mode: ApplyMode | null;
  claimant: Claimant;
  /** 邮寄地址, with a split 省/市/区 selection put in front of the detail line. */
  address?: string;
  /** 物流申请: the pick-up (取件) address. */
  pickupAddress?: string;
  invoices: InvoiceRow[];
  /** Upload slots the page shows; empty when the page shows none (e.g. not on 材料上传). */
  uploads: UploadSlot[];
  /** 票据号码 filed earlier from this device. */
  history: string[];
  now: Date;
}

export function emptyState(now = new Date()): ApplicationState {
  return { item: null, page: 'application', mode: null, claimant: {}, invoices: [], uploads: [], history: [], now };
}
