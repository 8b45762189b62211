/**
 * The material checklist's own data: which document of the guard's knowledge (utils/guard/documents.ts)
 * each line is, which guard rule (utils/guard/rules/) says when it is needed and when it is there, and
 * how the line reads. No condition is written here: `buildChecklist` asks the rules.
 */
import type { DocumentKind } from '@/utils/guard/documents';
import type { RuleCode } from '@/utils/guard/rules';

export type MaterialId = 'bank-card' | 'insurance-card' | 'id-document' | 'agent-id' | 'discharge-summary' | 'invoice' | 'invoice-detail';

export interface MaterialDef {
  id: MaterialId;
  /** The document kind of the slot this goes into. */
  kind: DocumentKind;
  /** How the 材料上传 page names the slot; `documentKind(name) === kind` (unit tested). */
  slotName: string;
  /** The guard rule that decides; null = always needed (the invoices themselves have no rule). */
  rule: RuleCode | null;
  /** i18n keys: the line, and what exactly to photograph. */
  label: string;
  note: string;
  /** i18n key saying when the line is needed, for situations where it is not (委托 only, 住院 only). */
  onlyWhen?: string;
}

export const MATERIALS: readonly MaterialDef[] = [
  { id: 'bank-card', kind: 'bank-card', slotName: '银行卡', rule: 'missing-bank-card', label: 'checkBankCard', note: 'checkBankCardNote' },
  { id: 'insurance-card', kind: 'insurance-card', slotName: '社保卡', rule: 'missing-insurance-card', label: 'checkInsuranceCard', note: 'checkInsuranceCardNote' },
  { id: 'id-document', kind: 'id-card', slotName: '身份证', rule: 'missing-id-document', label: 'checkIdCard', note: 'checkIdCardNote' },
  { id: 'agent-id', kind: 'agent-id', slotName: '被委托人身份证', rule: 'missing-agent-id', label: 'checkAgentId', note: 'checkAgentIdNote', onlyWhen: 'checkOnlyDelegated' },
  { id: 'discharge-summary', kind: 'discharge-summary', slotName: '出院小结', rule: 'missing-discharge-summary', label: 'checkDischarge', note: 'checkDischargeNote', onlyWhen: 'checkOnlyInpatient' },
  { id: 'invoice', kind: 'invoice', slotName: '发票', rule: null, label: 'checkInvoice', note: 'checkInvoiceNote' },
  { id: 'invoice-detail', kind: 'invoice-detail', slotName: '发票明细', rule: 'missing-invoice-detail', label: 'checkInvoiceDetail', note: 'checkInvoiceDetailNote' },
];

/**
 * A rule may name a variant of its finding (a minor's 户口本本人页, a deceased person's 死亡证明 …):
 * the checklist line then reads differently. Keyed by the guard's message key.
 */
export const VARIANT_LINES: Readonly<Record<string, { label: string; note: string; alsoAccepts: DocumentKind[] }>> = {
  guardMissingIdDocumentMinor: { label: 'checkIdMinor', note: 'checkIdMinorNote', alsoAccepts: ['household-register'] },
  guardMissingIdDocumentDeceased: { label: 'checkIdDeceased', note: 'checkIdDeceasedNote', alsoAccepts: ['death-proof'] },
};

/** Slot names for the documents that stand in for another (they go into the 身份证 slot or one of their own). */
export const SUBSTITUTE_SLOT_NAMES: Partial<Record<DocumentKind, string>> = {
  'household-register': '户口本本人页',
  'death-proof': '死亡证明',
};
