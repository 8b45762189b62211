/**
 * The materials of step 3 (材料上传) as data: which slot label (or, for slots of no known kind,
 * which file name) means which document. Order matters: the first matching kind wins, so
 * 被委托人身份证 is not taken for 身份证 and 发票明细 not for 发票.
 */
import type { ApplicationState, UploadSlot } from './state';

export type DocumentKind =
  | 'agent-id'
  | 'invoice-detail'
  | 'discharge-summary'
  | 'bank-card'
  | 'insurance-card'
  | 'death-proof'
  | 'household-register'
  | 'id-card'
  | 'invoice';

export const DOCUMENT_KINDS: ReadonlyArray<{ kind: DocumentKind; pattern: RegExp }> = [
  { kind: 'agent-id', pattern: /(被委托|受托|委托|代理|代办|经办)人?的?(身份证|证件)/ },
  { kind: 'invoice-detail', pattern: /明细|清单|费用详单/ },
  { kind: 'discharge-summary', pattern: /出院小结|出院记录|出院证明/ },
  { kind: 'bank-card', pattern: /银行卡|银行账户|银行帐户|存折/ },
  { kind: 'insurance-card', pattern: /社保卡|医保卡|社会保障卡|医疗保险卡/ },
  { kind: 'death-proof', pattern: /死亡证明|户籍注销|注销证明|火化证明/ },
  { kind: 'household-register', pattern: /户口本|户口簿|户籍证明/ },
  { kind: 'id-card', pattern: /身份证|居民身份|有效证件/ },
  { kind: 'invoice', pattern: /发票|票据|收据/ },
];

const clean = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

export function documentKind(text: string): DocumentKind | null {
  const t = clean(text);
  return DOCUMENT_KINDS.find((d) => d.pattern.test(t))?.kind ?? null;
}

/**
 * Files the page shows for a kind of document: every file in a slot of that kind, plus files
 * whose own name says the kind when they sit in a slot of no known kind (e.g. 其他材料).
 */
export function filesOf(uploads: readonly UploadSlot[], kind: DocumentKind): string[] {
  const out: string[] = [];
  for (const slot of uploads) {
    const slotKind = documentKind(slot.slotLabel);
    if (slotKind === kind) out.push(...slot.files);
    else if (slotKind === null) out.push(...slot.files.filter((f) => documentKind(f) === kind));
  }
  return out;
}

export function hasSlot(uploads: readonly UploadSlot[], kind: DocumentKind): boolean {
  return uploads.some((s) => documentKind(s.slotLabel) === kind);
}

/** The rules about uploads only judge a page that shows upload slots. */
export function showsUploads(state: ApplicationState): boolean {
  return state.uploads.length > 0;
}
