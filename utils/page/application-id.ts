/**
 * The portal's own number for the application being filled in — what tells one application of a person
 * apart from the next (the drafts are keyed by it). Nobody here has seen the live form, so this reads
 * whatever the page offers, from data tables:
 * - text the page shows: a label (申请编号 / 申办流水号 / 业务流水号 …) followed by the number;
 * - the page's own attributes: a hidden input or a data attribute named like an application id;
 * - the address: a query parameter named like one (never the item's code).
 * Pure: the page reader (utils/page) hands it the texts, attributes and URL it collected.
 *
 * 办件编号 / 受理编号 are NOT read: the portal shows them after a submission succeeded (the guard's success
 * words); the application's draft must keep its key until then.
 */

/** Labels of an application number, as portals print them before a submission. */
export const APPLICATION_ID_LABELS: readonly string[] = ['申请编号', '申报编号', '申请单号', '申请号', '申办流水号', '业务流水号', '办理流水号', '申报流水号', '流水号', '预约编号'];

/** Attribute / query-parameter names (compared without case, `-` and `_`) that hold an application id. */
export const APPLICATION_ID_NAMES: readonly string[] = [
  'applyno',
  'applyid',
  'applicationid',
  'applicationno',
  'sqbh',
  'sblsh',
  'ywlsh',
  'lsh',
  'bizid',
  'businessid',
  'projid',
  'projectid',
  'caseid',
  'dataapplyid',
  'dataapplicationid',
];

/** An application id: letters, digits, `-` / `_`, 6 to 64 characters, at least 4 digits. */
const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_-]{5,63}$/;
const looksLikeId = (v: string) => ID_SHAPE.test(v) && (v.match(/\d/g)?.length ?? 0) >= 4;

const normName = (n: string) => n.toLowerCase().replace(/[-_\s]/g, '');
const NAMES = new Set(APPLICATION_ID_NAMES.map(normName));

const LABEL_RE = new RegExp(`(?:${[...APPLICATION_ID_LABELS].sort((a, b) => b.length - a.length).join('|')})\\s*[:：]?\\s*([A-Za-z0-9][A-Za-z0-9_-]{5,63})`);

export interface ApplicationIdSource {
  /** The page's address. */
  url?: string;
  /** Texts the page shows (a label and its value may be in one text or in two consecutive ones). */
  texts?: readonly string[];
  /** Name / value pairs the page carries: hidden inputs (`name`, `value`), data attributes (`data-apply-id`, value). */
  attributes?: ReadonlyArray<{ name: string; value: string }>;
}

/** The application's number, or '' when the page shows none. Shown text wins over attributes, attributes over the URL. */
export function applicationIdOf(src: ApplicationIdSource): string {
  const texts = (src.texts ?? []).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
  for (let i = 0; i < texts.length; i++) {
    const m = LABEL_RE.exec(texts[i]!);
    if (m && looksLikeId(m[1]!)) return m[1]!;
    // The label alone, its value in the next text (a table cell, an Element descriptions item).
    const label = texts[i]!.replace(/[:：*\s]/g, '');
    if (APPLICATION_ID_LABELS.includes(label) && i + 1 < texts.length && looksLikeId(texts[i + 1]!)) return texts[i + 1]!;
  }
  for (const { name, value } of src.attributes ?? []) {
    if (NAMES.has(normName(name)) && looksLikeId(value.trim())) return value.trim();
  }
  if (src.url) {
    try {
      const url = new URL(src.url);
      const params = [...url.searchParams.entries(), ...new URLSearchParams(url.hash.split('?')[1] ?? '').entries()];
      for (const [name, value] of params) if (NAMES.has(normName(name)) && looksLikeId(value.trim())) return value.trim();
    } catch {
      /* not a URL */
    }
  }
  return '';
}
