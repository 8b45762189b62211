/**
 * The rules' `ApplicationState`, from the page model (utils/page): the guard does not read the page itself.
 * Upload slots (with what each takes), claimant name and ID, 办理方式, composed addresses and invoice rows are
 * what `readPageModel` saw; what the page cannot show (deceased, OCR'd 医保类型 / 交款人, earlier filings)
 * comes from the `GuardContext`.
 */
import { addressParts, readFields as readPageFields, readPageModel, type PageModel } from '@/utils/page/model';
import { composeAddresses, type AddressPart } from '@/utils/page/address';
import type { PageField } from '@/utils/page/types';
import type { ClaimInvoice } from '@/utils/schemas';
import { normalizeNumber } from './invoices';
import type { ApplicationState, ApplyMode, GuardPage, InvoiceRow, ItemKind, UploadSlot } from './state';

/**
 * What the content script knows that the page does not show. Field names follow the panel's
 * `ClaimContext` (utils/panel/messages.ts), so it can be spread in as is.
 */
export interface GuardContext {
  claimantName?: string;
  claimantIdNumber?: string;
  isMinor?: boolean;
  deceased?: boolean;
  /** 委托人办理 chosen in the panel (the page's radio wins when it shows one). */
  delegated?: boolean;
  /** Invoices recognised by OCR; merged into the page's rows by 票据号码. */
  invoices?: ClaimInvoice[];
  /** 票据号码 filed earlier from this device. */
  history?: string[];
  /** From the page detector, when known. */
  page?: GuardPage | null;
  item?: ItemKind | null;
  now?: Date;
}

// ---------------------------------------------------------------- fields the live address note reads

/** The guard's names for the fields it reads (the live address note groups by them). */
export type FieldMeaning = 'claimantName' | 'claimantId' | 'mailingAddress' | 'pickupAddress' | 'region' | 'addressDetail';

export interface LabelledValue {
  meaning: FieldMeaning;
  label: string;
  value: string;
  control: Element;
  /** The address part this field is (for `readAddresses`). */
  part?: AddressPart<PageField>;
}

function labelledValues(fields: readonly PageField[]): LabelledValue[] {
  const out: LabelledValue[] = [];
  const parts = new Map(addressParts(fields).map((p) => [p.ref, p]));
  // each address is announced by its first part (the live note switches between 邮寄 and 取件 on it)
  const heads = new Map<PageField, FieldMeaning>();
  for (const a of composeAddresses([...parts.values()])) if (a.parts[0]) heads.set(a.parts[0].ref, a.group === 'pickup' ? 'pickupAddress' : 'mailingAddress');
  for (const f of fields) {
    if (f.field.dialog === 'closed') continue;
    const base = { label: f.field.label, value: f.field.value, control: f.field.element };
    const part = parts.get(f);
    if (part) {
      const meaning: FieldMeaning = heads.get(f) ?? (part.meaning === 'address.district' || part.meaning === 'address.full' ? 'region' : 'addressDetail');
      out.push({ ...base, meaning, part });
    } else if (f.meaning === 'claimant.name') out.push({ ...base, meaning: 'claimantName' });
    else if (f.meaning === 'claimant.idNumber') out.push({ ...base, meaning: 'claimantId' });
  }
  return out;
}

/** Every field with a meaning for the guard, in document order (hidden step panes included). */
export function readFields(root: Document | Element): LabelledValue[] {
  return labelledValues(readPageFields(root, { includeHidden: true }));
}

/** The addresses among these fields, composed (district select / cascader + detail). */
export function readAddresses(fields: readonly LabelledValue[]): { mailing?: string; pickup?: string } {
  const composed = composeAddresses(fields.flatMap((f) => (f.part ? [f.part] : [])));
  const text = (g: 'mailing' | 'pickup') => composed.find((a) => a.group === g)?.text || undefined;
  return { mailing: text('mailing'), pickup: text('pickup') };
}

// ---------------------------------------------------------------- invoices, uploads, mode

function rowsOf(model: PageModel): InvoiceRow[] {
  return model.invoiceTables.flatMap((t) =>
    t.rows.map((r) => {
      const row: InvoiceRow = {};
      const v = r.values;
      if (v['invoice.number']) row.number = v['invoice.number'];
      if (v['invoice.code']) row.code = v['invoice.code'];
      if (v['invoice.visitType']) row.visitType = v['invoice.visitType'];
      if (v['invoice.insuranceType']) row.insuranceType = v['invoice.insuranceType'];
      if (v['invoice.payerName']) row.payerName = v['invoice.payerName'];
      return row;
    }).filter((row) => Object.keys(row).length > 0),
  );
}

/** Invoice rows from every table whose header names 票据号码 / 票据代码. */
export function readInvoiceTables(root: Document | Element): { found: boolean; rows: InvoiceRow[] } {
  const model = readPageModel(root, { page: null });
  return { found: model.invoiceTables.length > 0, rows: rowsOf(model) };
}

function slotsOf(model: PageModel): UploadSlot[] {
  return model.uploads.filter((u) => u.visible).map((u) => ({ slotLabel: u.label, files: u.files, kind: u.kind, accepts: u.accepts }));
}

/** Upload slots shown now (hidden step panes do not count: the user is not on 材料上传). */
export function readUploads(root: Document | Element): UploadSlot[] {
  return slotsOf(readPageModel(root, { page: null }));
}

export function readMode(root: Document | Element): ApplyMode | null {
  return readPageModel(root, { page: null }).mode;
}

// ---------------------------------------------------------------- the state

function mergeInvoices(pageRows: InvoiceRow[], ctxRows: GuardContext['invoices']): InvoiceRow[] {
  const extra = (ctxRows ?? []).map((r) => {
    const o: InvoiceRow = {};
    for (const k of ['number', 'code', 'visitType', 'insuranceType', 'payerName'] as const) {
      const v = r[k];
      if (typeof v === 'string' && v.trim()) o[k] = v.trim();
    }
    return o;
  });
  if (pageRows.length === 0) return extra;
  return pageRows.map((row) => {
    const n = normalizeNumber(row.number);
    const match = n ? extra.find((e) => normalizeNumber(e.number) === n) : undefined;
    return match ? { ...match, ...Object.fromEntries(Object.entries(row).filter(([, v]) => v)) } : row;
  });
}

/** The rules' state from a page model already read (the content script reads the page once per check). */
export function stateFromModel(model: PageModel, context: GuardContext = {}, previous?: ApplicationState): ApplicationState {
  const fields = model.fields.filter((f) => f.field.dialog !== 'closed');
  const first = (m: string) => fields.find((f) => f.meaning === m && f.field.value)?.field.value;
  const mailing = model.addresses.find((a) => a.group === 'mailing' && a.text)?.text;
  const pickup = model.addresses.find((a) => a.group === 'pickup');
  const hasPickupField = !!pickup?.parts.some((p) => p.ref.field.usable);
  const page: GuardPage = context.page ?? (hasPickupField ? 'logistics' : 'application');
  const tableRows = rowsOf(model);
  const pageRows = tableRows.length ? tableRows : previous?.invoices.length && model.invoiceTables.length === 0 ? previous.invoices : [];
  return {
    item: model.item ?? context.item ?? previous?.item ?? null,
    page,
    mode: model.mode ?? previous?.mode ?? (context.delegated === undefined ? null : context.delegated ? 'delegated' : 'self'),
    claimant: {
      name: first('claimant.name') ?? previous?.claimant.name ?? context.claimantName,
      idNumber: first('claimant.idNumber') ?? previous?.claimant.idNumber ?? context.claimantIdNumber,
      ...(context.isMinor !== undefined ? { isMinor: context.isMinor } : {}),
      ...(context.deceased !== undefined ? { deceased: context.deceased } : {}),
    },
    address: mailing ?? previous?.address,
    pickupAddress: pickup?.text || undefined,
    invoices: mergeInvoices(pageRows, context.invoices),
    uploads: slotsOf(model),
    history: context.history ?? [],
    now: context.now ?? new Date(),
  };
}

/**
 * Read the application from the page. `previous` is the last state read on this page (an SPA may
 * drop earlier steps from the DOM): values the page no longer shows are kept from it.
 */
export function readPage(root: Document, context: GuardContext = {}, previous?: ApplicationState): ApplicationState {
  return stateFromModel(readPageModel(root, { page: null }), context, previous);
}
