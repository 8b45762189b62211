// Orchestrates reading one invoice file: sniff → PDF text → QR → OCR (two passes) → parse → cross-check.
// Same code in the extension and the Node CLI/bench; everything platform-specific comes in through `deps`.
import { crossCheck, type FieldState, type FieldStates } from './crosscheck';
import { t } from '@/utils/i18n';
import { InvoiceError, invoiceError, toIssue } from './errors';
import { mapBox, rectifyDocument } from './document';
import { downscaleToFit, eraseRules, flattenAlpha, grayToRgba, mapBoxBack, MIN_SIDE, normalizeBackground, preprocessSecondPass, scaleGray, toGray, type GrayImage } from './image';
import { parseInvoiceText, type ParsedText, type Reading } from './parse';
import { parseQrPayload, type QrFields } from './qr';
import { findMissedText } from './missed-text';
import { unionBox } from './text';
import { LOST_ROWS_LABELS, missedRowsToRead } from './lost-rows';
import { LABELS } from './labels';
import { holdsCode, WHOLE_CODE_CONF } from './values';
import { holdsName, repairHospitalName, WHOLE_NAME_SHARE } from './hospital-names';
import { hasConfusableChar } from './names';
import { findSeals, hospitalSeal, readSealName, sealCovers, type Seal } from './seal';
import { eraseGraySeals, findRingSeals, isGrayPage, printLevel } from './seal-shape';
import { AMOUNT_CHARS, amountValueBox, prepareRegion, regionLinesToPage, regionsFor, type Region } from './regions';
import { checkFileSize, checkImageHeader, renderScale } from './limits';
import { IMAGE_TYPES, mimeOf, sniffType } from './sniff';
import {
  CHECK_BELOW,
  emptyFields,
  FIELD_NAMES,
  fieldRecord,
  type FieldName,
  type FieldSource,
  type InvoiceFields,
  type InvoiceInput,
  type InvoiceResult,
  type Issue,
  type Box,
  type OcrLine,
  type OcrMode,
  type PixelImage,
  type ProgressPhase,
  type ReadInvoiceDeps,
} from './types';

/** Fields whose presence (≥ 2) makes a file an invoice. */
const EVIDENCE: FieldName[] = ['invoiceCode', 'invoiceNumber', 'checkCode', 'issueDate', 'totalAmount', 'totalAmountUpper', 'hospital', 'fundPaid', 'cashPaid', 'hospitalizationPeriod'];

interface Ctx {
  index: number;
  count: number;
}

/**
 * Lines of text pass 1 dropped that are read again (the largest first). A photo can lose a whole column (its
 * labels and their values, each a short line): four were too few to reach them behind a title and a seal line.
 */
export const MISSED_LINES = 6;

/** A reading of one pass; `cap` bounds its confidence whatever other passes say (a name under a seal). */
type Candidate = FieldState & { pass: string; cap?: number; read?: number; via?: Reading['via'] };

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Median height of OCR words (≈ character height) or 0. */
export function medianWordHeight(lines: OcrLine[]): number {
  const hs = lines.flatMap((l) => l.words.map((w) => w.bbox.h)).filter((h) => h > 2).sort((a, b) => a - b);
  return hs.length ? hs[hs.length >> 1]! : 0;
}

/**
 * Scale for the second pass: small text (a low-resolution scan such as the real sample, ≈ 16–20 px
 * characters) is enlarged towards 30 px; normal photos/renders are left alone (measured: a blanket 2× hurts).
 */
export function secondPassScale(medianH: number, width: number, height: number, maxSide = 3200): number {
  if (medianH <= 0 || medianH >= 24) return 1;
  const s = Math.min(2, 30 / medianH, maxSide / Math.max(width, height));
  return s > 1.1 ? Math.round(s * 100) / 100 : 1;
}

function fromQr(q: QrFields): Partial<Record<FieldName, Candidate>> {
  const out: Partial<Record<FieldName, Candidate>> = {};
  const put = (f: FieldName, v: string | null) => {
    if (v) out[f] = { value: v, conf: 1, source: 'qr', boxes: [], pass: 'qr' };
  };
  put('invoiceCode', q.invoiceCode);
  put('invoiceNumber', q.invoiceNumber);
  put('checkCode', q.checkCode);
  put('issueDate', q.issueDate);
  put('totalAmount', q.totalAmount);
  return out;
}

function candidates(p: ParsedText, source: FieldSource, pass: string): Partial<Record<FieldName, Candidate>> {
  const out: Partial<Record<FieldName, Candidate>> = {};
  for (const f of FIELD_NAMES) {
    const r = p.fields[f] as Reading | undefined;
    if (r) out[f] = { value: r.value, conf: r.conf, source, boxes: r.boxes, alts: r.alts, pass, ...(r.read !== undefined ? { read: r.read } : {}), ...(r.cap !== undefined ? { cap: r.cap } : {}), ...(r.via ? { via: r.via } : {}) };
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Bound on an outpatient type inferred from a title or the code on a page whose rows pass 1 lost (for checking). */
const TYPE_GUESS = 0.8;

/** Width the first pass reads a page at (never enlarged). */
const PASS1_WIDTH = 1470;

/** Character height (px) under which a page is read a second time as a whole, enlarged. */
const SMALL_TEXT = 20;

/** Confidence under which a value is worth a second look (and shown for checking). */
export const SURE = CHECK_BELOW;

/** Fields worth a second look: missing, unsure, or not in their shape (QR values are exact). */
const SECOND_LOOK: FieldName[] = ['invoiceCode', 'invoiceNumber', 'checkCode', 'issueDate', 'payerName', 'hospital', 'totalAmount', 'fundPaid', 'accountPaid', 'cashPaid', 'hospitalizationPeriod'];
const SHAPES: Partial<Record<FieldName, RegExp>> = { invoiceCode: /^\d{8}$/, invoiceNumber: /^\d{10}$/, checkCode: /^[0-9a-f]{6}$/ };

export function weakFields(states: FieldStates): FieldName[] {
  const st = states as Record<string, FieldState | undefined>;
  return SECOND_LOOK.filter((f) => {
    const c = st[f];
    if (!c) return true;
    if (c.source === 'qr' || c.source === 'pdf') return false;
    const shape = SHAPES[f];
    return c.conf < SURE || (shape !== undefined && !shape.test(String(c.value)));
  });
}

/**
 * The hospital's name and its seal. A name read where a seal covers it may be cut ("学第一附属医院"): it is
 * marked for checking unless the seal's ring says the same. When the name is weak, missing or covered, the
 * ring is read: the same name confirms it; a longer name ending like it (the part the seal hid) or a name
 * where none was read is offered — always marked for checking (a seal is read from a curved line).
 */
async function hospitalFromSeal(image: PixelImage, seals: Seal[], parsed: ParsedText, local: Array<Partial<Record<FieldName, Candidate>>>, engine: ReadInvoiceDeps['engine']): Promise<void> {
  if (!seals.length) return;
  const hs = (mergeCandidates(local) as Record<string, FieldState<string> | undefined>).hospital;
  const near = [...(hs?.boxes ?? []), ...parsed.anchors.filter((a) => a.key === 'hospital').map((a) => a.box)];
  const seal = hospitalSeal(seals, near);
  if (!seal) return;
  const covered = !!hs && hs.boxes.some((b) => sealCovers(seal, b));
  if (hs && hs.conf >= SURE && !covered) return;
  const ring = await readSealName(image, seal, engine);
  const boxes = [{ x: Math.round(seal.cx - seal.r), y: Math.round(seal.cy - seal.r), w: Math.round(2 * seal.r), h: Math.round(2 * seal.r) }];
  const put = (value: string, conf: number) => local.push({ hospital: { value, conf, source: 'ocr', boxes: hs && value === hs.value ? hs.boxes : boxes, pass: 'seal' } });
  if (ring && hs && ring.name === hs.value) {
    put(ring.name, Math.max(hs.conf, Math.min(0.95, 0.6 + ring.conf)));
    return;
  }
  if (covered) for (const set of local) if (set.hospital) set.hospital.cap = 0.8;
  if (!ring || Array.from(ring.name).length < 4) return;
  if (hs && ring.name.endsWith(hs.value) && ring.name.length > hs.value.length) put(ring.name, Math.min(0.8, 0.3 + ring.conf));
  // (a gray seal's ring, print crossing it as gray as its inscription, reads too poorly to displace a weak reading)
  else if (!hs || (hs.conf < 0.6 && seal.by !== 'shape')) put(ring.name, Math.min(0.75, 0.2 + ring.conf));
}

/**
 * The page's seals (radius 2.5–14 characters): red ones by their colour; on a page without colour (a
 * monochrome scan, a photocopy), gray ones by their ring's shape, each with the gray level under which a pixel
 * over it is print (when the seal is lighter than the print).
 */
export function findPageSeals(image: PixelImage, levelled: GrayImage, charH: number): Seal[] {
  const red = findSeals(image, 2.5 * charH, 14 * charH);
  if (red.length || !isGrayPage(image)) return red;
  return findRingSeals(levelled, 2.5 * charH, 14 * charH).map((s) => {
    const level = printLevel(image, s);
    return { cx: s.cx, cy: s.cy, r: s.r, by: 'shape' as const, stroke: 2 * s.stroke, ...(level !== null ? { printBelow: level } : {}) };
  });
}

/**
 * A hospital name one character away from a common part of hospital names (人民匹院) or with a stray mark
 * before its province: a name already shown for checking is repaired (the reading kept as an alternative);
 * a confident one is only marked — a real name may differ from the common part by that character.
 */
export function repairHospital(states: FieldStates): void {
  const h = states.hospital;
  if (!h || h.source !== 'ocr') return;
  // (a place is repaired only in a name already shown for checking: a county-level city missing from the list
  // of places may be one character away from a listed one, 台山 / 中山)
  const r = repairHospitalName(h.value, h.conf < SURE ? states.invoiceCode?.value.slice(0, 2) : undefined);
  if (!r.repaired) return;
  if (h.conf < SURE) {
    h.alts = [h.value, ...(h.alts ?? [])];
    h.value = r.name;
  }
  h.conf = Math.min(h.conf, 0.8);
}

/** A payer name holding a character the recogniser confuses with another (宇/字, 凤/风): shown for checking, however many passes agree. */
export function markConfusablePayer(states: FieldStates): void {
  const p = states.payerName;
  if (p && p.source === 'ocr' && hasConfusableChar(p.value)) p.conf = Math.min(p.conf, 0.8);
}

const PAYMENTS: FieldName[] = ['fundPaid', 'accountPaid', 'cashPaid'];
/** Word confidence a digits-only reading is believed at most (the whitelist makes any ink look like digits). */
const DIGITS_CAP = 0.6;

/** The lines with every word's (and the line's) confidence capped. */
export function capLines(lines: OcrLine[], cap: number): OcrLine[] {
  return lines.map((l) => ({ ...l, conf: Math.min(l.conf, cap), words: l.words.map((w) => ({ ...w, conf: Math.min(w.conf, cap) })) }));
}

/** Some word of the lines ends like an amount (digits, a point, two digits). */
export function hasAmount(lines: OcrLine[]): boolean {
  return lines.some((l) => l.words.some((w) => /\d\.\d\d$/.test(w.text)));
}

/** A line of a crop read right of a label, with that label (its printed text, where it was found) before it. */
export function withLabel(l: OcrLine, key: FieldName, at: Box): OcrLine {
  const text = LABELS.find((d) => d.key === key)?.texts[0];
  if (!text) return l;
  return { ...l, text: `${text} ${l.text}`, bbox: unionBox([at, l.bbox]), words: [{ text, conf: 0.9, bbox: at }, ...l.words] };
}

/** Marks every line of a recognition with its number (see OcrLine.read). */
function tag(out: { lines: OcrLine[] }, read: number): { lines: OcrLine[] } {
  return { lines: out.lines.map((l) => ({ ...l, read })) };
}

/** The levelled page with red marks (seals) turned to paper: what counts as ink for finding missed text. */
function withoutRed(levelled: GrayImage, rgba: PixelImage): GrayImage {
  const out = new Uint8Array(levelled.data);
  const d = rgba.data;
  for (let i = 0, p = 0; i < out.length; i++, p += 4) if (d[p]! - Math.max(d[p + 1]!, d[p + 2]!) > 60) out[i] = 255;
  return { width: levelled.width, height: levelled.height, data: out };
}

function clipBox(b: Box, page: { width: number; height: number }): Box {
  const x0 = Math.max(0, Math.round(b.x)), y0 = Math.max(0, Math.round(b.y));
  const x1 = Math.min(page.width, Math.round(b.x + b.w)), y1 = Math.min(page.height, Math.round(b.y + b.h));
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

/** Merges per field: QR values win; equal OCR readings from two passes reinforce each other; else the more confident. */
/** Confidence from which a disagreeing reading puts the value in doubt, and the bound of a disputed value. */
const RIVAL = 0.5;
const DISPUTED = CHECK_BELOW - 0.01;

export function mergeCandidates(sets: Array<Partial<Record<FieldName, Candidate>>>, warnings: Issue[] = [], describe?: (f: FieldName) => string): FieldStates {
  const out: FieldStates = {};
  for (const f of FIELD_NAMES) {
    const cs = sets.map((s) => s[f]).filter((c): c is Candidate => !!c);
    if (!cs.length) continue;
    const qr = cs.find((c) => c.source === 'qr');
    if (qr) {
      const conflict = cs.find((c) => c.source !== 'qr' && c.conf >= 0.8 && !same(c.value, qr.value));
      if (conflict && describe) warnings.push({ code: 'invoiceWarnQrConflict', message: describe(f), fields: [f] });
      (out as Record<string, FieldState>)[f] = { value: qr.value, conf: 1, source: 'qr', boxes: cs.find((c) => c.source !== 'qr' && same(c.value, qr.value))?.boxes ?? [] };
      continue;
    }
    cs.sort((a, b) => b.conf - a.conf);
    // A hospital's name read cut in one pass (a seal over its start, a crop ending inside it) and whole in
    // another: the whole reading, when believed nearly as much (each is judged by its least sure characters).
    if (f === 'hospital') {
      const top = cs[0]!;
      for (const c of cs.slice(1)) if (typeof c.value === 'string' && holdsName(c.value, String(cs[0]!.value)) && c.conf >= WHOLE_NAME_SHARE * top.conf) cs.unshift(cs.splice(cs.indexOf(c), 1)[0]!);
    }
    // A check code read cut short in one pass and whole in another: the whole one, for checking.
    if (f === 'checkCode') {
      const whole = cs.slice(1).find((c) => holdsCode(String(c.value), String(cs[0]!.value)));
      if (whole) cs.unshift({ ...cs.splice(cs.indexOf(whole), 1)[0]!, conf: Math.min(WHOLE_CODE_CONF, cs[0]!.conf) });
    }
    // An outpatient type inferred from the 票据代码 or a 门诊 title (they tell 门诊 from 住院, never 门诊 from 急诊)
    // against a 急诊 another reading found printed: the printed one, for checking (the rival check below).
    if (f === 'visitType' && (cs[0]!.via === 'code' || cs[0]!.via === 'title' || cs[0]!.via === 'derived') && cs[0]!.value === 'outpatient') {
      const printed = cs.find((c) => c.value === 'emergency' && c.conf >= RIVAL && c.via !== 'code' && c.via !== 'title' && c.via !== 'derived');
      if (printed) cs.unshift(cs.splice(cs.indexOf(printed), 1)[0]!);
    }
    const best = { ...cs[0]! };
    // Agreement counts between independent reads of the text (a parse of the same OCR line twice is not).
    const agree = cs.slice(1).filter((c) => same(c.value, best.value) && c.pass !== best.pass && (c.read === undefined || best.read === undefined || c.read !== best.read));
    if (agree.length) best.conf = Math.min(0.99, best.conf + 0.15 + 0.1 * agree[0]!.conf);
    // Another independent reading, believed more than not, says something else (急诊留观 read in a crop, 门诊 from
    // the title on the page): the more confident one is shown, for checking.
    const rival = cs.slice(1).find((c) => !same(c.value, best.value) && c.conf >= RIVAL && c.pass !== best.pass && (c.read === undefined || best.read === undefined || c.read !== best.read));
    if (rival) best.conf = Math.min(best.conf, DISPUTED);
    // Passes reading the same covered text agree without being independent: a cap stays.
    const caps = [best, ...agree].map((c) => c.cap).filter((c): c is number => c !== undefined);
    if (caps.length) best.conf = Math.min(best.conf, ...caps);
    const alts = cs.slice(1).filter((c) => !same(c.value, best.value)).map((c) => c.value);
    best.alts = [...(best.alts ?? []), ...alts];
    const { pass: _pass, cap: _cap, read: _read, via: _via, ...state } = best;
    void _via;
    void _pass;
    void _cap;
    void _read;
    (out as Record<string, FieldState>)[f] = state;
  }
  return out;
}

function result(input: InvoiceInput, t0: number, states: FieldStates, warnings: Issue[], imageSize?: { width: number; height: number }, error?: Issue): InvoiceResult {
  const fields: InvoiceFields = emptyFields();
  const st = states as Record<string, FieldState | undefined>;
  for (const f of FIELD_NAMES) if (st[f]) (fields as unknown as Record<string, unknown>)[f] = st[f]!.value;
  const r: InvoiceResult = {
    file: input.name,
    fields,
    confidence: fieldRecord((f) => (st[f] ? Math.round(st[f]!.conf * 100) / 100 : 0)),
    source: fieldRecord((f) => st[f]?.source ?? null),
    boxes: fieldRecord((f) => st[f]?.boxes ?? []),
    warnings,
    ms: Math.round(now() - t0),
  };
  if (imageSize) r.imageSize = imageSize;
  if (error) r.error = error;
  return r;
}

/** Reads one invoice. Never rejects: failures come back as `result.error` (with whatever was read before). */
export async function readInvoice(input: InvoiceInput, deps: ReadInvoiceDeps, ctx: Ctx = { index: 0, count: 1 }): Promise<InvoiceResult> {
  const t0 = now();
  const progress = (phase: ProgressPhase, p: number) => {
    try {
      deps.onProgress?.({ file: input.name, index: ctx.index, count: ctx.count, phase, progress: Math.max(0, Math.min(1, p)) });
    } catch {
      /* a failing UI callback must not break reading */
    }
  };
  const warnings: Issue[] = [];
  const sets: Array<Partial<Record<FieldName, Candidate>>> = [];
  let otherPaid: FieldState<string> | undefined;
  let imageSize: { width: number; height: number } | undefined;
  let boxScale = 1;
  const itemsSums = new Set<string>();
  const takeOther = (p: ParsedText, source: FieldSource) => {
    if (p.extra.itemsSum) itemsSums.add(p.extra.itemsSum);
    const o = p.extra.otherPaid;
    if (o && (!otherPaid || o.conf > otherPaid.conf)) otherPaid = { value: o.value, conf: o.conf, source, boxes: o.boxes };
  };

  const finish = (error?: Issue): InvoiceResult => {
    progress('parse', 0.97);
    const describe = (f: FieldName) => t('invoiceWarnQrConflict', t(`invoiceField${f[0]!.toUpperCase()}${f.slice(1)}`));
    const states = mergeCandidates(sets, warnings, describe);
    // Boxes in the pixels of the image as given (the engine worked on a downscaled copy).
    if (boxScale !== 1) {
      for (const st of Object.values(states) as FieldState[]) {
        st.boxes = st.boxes.map((b) => ({ x: Math.round(b.x / boxScale), y: Math.round(b.y / boxScale), w: Math.round(b.w / boxScale), h: Math.round(b.h / boxScale) }));
      }
    }
    repairHospital(states);
    markConfusablePayer(states);
    if (!error) warnings.push(...crossCheck({ fields: states, otherPaid, itemsSums: [...itemsSums] }));
    // The review trusts PDF text: a PDF value the parser is unsure of (a value cut by a line break, a label
    // read into it) gets a warning, so it is shown for checking too.
    for (const f of FIELD_NAMES) {
      const st = (states as Record<string, FieldState | undefined>)[f];
      if (st && st.source === 'pdf' && st.conf < SURE && !warnings.some((w) => w.fields?.includes(f))) {
        warnings.push({ code: 'invoiceWarnCheckValue', message: t('invoiceWarnCheckValue', t(`invoiceField${f[0]!.toUpperCase()}${f.slice(1)}`)), fields: [f] });
      }
    }
    const found = EVIDENCE.filter((f) => (states as Record<string, unknown>)[f]).length;
    if (!error && found < 2) error = { code: 'invoiceErrorNotInvoice', message: invoiceError('invoiceErrorNotInvoice').message };
    progress('done', 1);
    return result(input, t0, states, warnings, imageSize, error);
  };

  /**
   * OCR of one page picture: pass 1 on the whole page; a second look only at the regions of the fields pass 1
   * read weakly (a whole-page second pass only when pass 1 found almost no label). `toSource` maps boxes of
   * this picture into the picture the engine was given (a straightened photo → the photo).
   */
  const ocrImage = async (image: PixelImage, from: number, to: number, toSource?: (b: Box) => Box) => {
    const engine = deps.engine;
    progress('ocr-init', from);
    await engine.init();
    const secondPass = deps.secondPass !== false;
    const mid = secondPass ? from + (to - from) * 0.75 : to;
    const local: Array<Partial<Record<FieldName, Candidate>>> = [];
    // Pass 1 on the page with its lighting levelled (a photo's shadow would otherwise turn into a black
    // region for tesseract's global threshold, and the text in it is lost).
    const levelled = normalizeBackground(toGray(image));
    // Pass 1 at about 22-pixel characters (invoice text is ≈ 1.5 % of the sheet's width): layout analysis
    // costs by the pixel; the crops of the second look come from the full picture.
    const s1 = Math.min(1, PASS1_WIDTH / image.width);
    const page1 = s1 < 0.95 ? scaleGray(levelled, s1) : levelled;
    const raw1 = await engine.recognize(grayToRgba(page1), { mode: 'page', onProgress: (p) => progress('ocr', from + (mid - from) * p) });
    const r1 = tag({ lines: page1 === levelled ? raw1.lines : regionLinesToPage(raw1.lines, page1.width / image.width, { x: 0, y: 0 }) }, 1);
    let parsed = parseInvoiceText(r1.lines);
    const lostRows = parsed.anchors.length < LOST_ROWS_LABELS;
    local.push(candidates(parsed, 'ocr', 'ocr1'));
    takeOther(parsed, 'ocr');
    if (secondPass) {
      try {
        const charH = medianWordHeight(r1.lines) || 24;
        // The second engine (when given) reads the crops of the name fields — hospital, payer — and the seal.
        const second = deps.regionEngine ?? engine;
        // A gray seal is taken off the page the second look reads (as the red channel takes off a red seal):
        // lighter than the print, all of it; as dark (a photocopy), its ring's stroke.
        const seals = findPageSeals(image, levelled, charH);
        const look = seals.some((s) => s.by === 'shape') ? eraseGraySeals(image, seals) : image;
        const lookLevelled = look === image ? levelled : normalizeBackground(toGray(look));
        let reads = 10;
        const read = async (region: Region, again?: number): Promise<OcrLine[]> => {
          const prep = prepareRegion(look, region, charH, { sharpen: again !== undefined });
          const names = region.fields.some((f) => f === 'hospital' || f === 'payerName');
          const out = await (names ? second : engine).recognize(prep.image, { mode: region.mode });
          return tag({ lines: regionLinesToPage(out.lines, prep.scale, prep.offset) }, again ?? reads++).lines;
        };
        let pageLines: OcrLine[] = r1.lines;
        // Everything read so far parsed again: each label takes its best value wherever it was read.
        const reparse = (pass: 'missed' | 'ocr2') => {
          parsed = parseInvoiceText(pageLines);
          local.push(candidates(parsed, 'ocr', pass));
          takeOther(parsed, 'ocr');
        };
        // Pass 1 found (almost) no labels, or the text is too small for the recogniser (a low-resolution scan):
        // the page itself is hard — read it once more as a whole, cleaned and enlarged.
        if ((parsed.anchors.length < 4 || charH < SMALL_TEXT) && weakFields(mergeCandidates([...sets, ...local])).length) {
          const scale = secondPassScale(charH, image.width, image.height);
          const pre = preprocessSecondPass(image, scale);
          const r2 = tag(await engine.recognize(grayToRgba(pre.image), { mode: 'page' }), 2);
          const lines2 = r2.lines.map((l) => ({ ...l, bbox: mapBoxBack(l.bbox, pre.transform), words: l.words.map((w) => ({ ...w, bbox: mapBoxBack(w.bbox, pre.transform) })) }));
          const p2 = parseInvoiceText(lines2);
          local.push(candidates(p2, 'ocr', 'ocr2'));
          takeOther(p2, 'ocr');
          if (p2.anchors.length > parsed.anchors.length) {
            parsed = p2;
            pageLines = lines2;
          }
        }
        // Text pass 1 dropped: ink no recognised word covers (seals excluded), read line by line.
        // (words the recogniser did not believe, or boxes no character has, do not count as read)
        const covered = pageLines.flatMap((l) => l.words.filter((w) => w.conf >= 0.3 && w.bbox.h < 2.5 * charH && w.bbox.w < 3 * charH * Math.max(1, Array.from(w.text).length)).map((w) => w.bbox));
        // (pass 1 lost rows — few labels —: a few more pieces among the label rows, each row read as one line)
        const missedAll = findMissedText(eraseRules(withoutRed(lookLevelled, look), Math.round(3 * charH), Math.round(1.6 * charH)), covered, { charH, max: Number.POSITIVE_INFINITY });
        const missed = missedRowsToRead(missedAll, parsed.anchors.map((a) => a.box), MISSED_LINES, charH);
        const added: OcrLine[] = [];
        for (const box of missed) {
          const pad = 0.4 * charH;
          const region: Region = { fields: [], box: clipBox({ x: box.x - pad, y: box.y - pad, w: box.w + 2 * pad, h: box.h + 2 * pad }, image), mode: box.h > 1.8 * charH ? 'block' : 'line', channel: 'red' };
          if (region.box.w > 4 && region.box.h > 4) added.push(...(await read(region)));
        }
        if (added.length) {
          pageLines = [...pageLines, ...added];
          reparse('missed');
        }
        // The fields still weak: read their regions again (cleaned, enlarged) in place of what pass 1 saw there.
        const now = candidates(parsed, 'ocr', 'page');
        const weak = weakFields(mergeCandidates([...sets, ...local, now]));
        const valueBoxes: Partial<Record<FieldName, Box[]>> = {};
        for (const f of weak) if (now[f]?.boxes.length) valueBoxes[f] = now[f]!.boxes;
        const regions = regionsFor(weak, parsed, valueBoxes, image);
        const readAs = new Map<Region, number>();
        for (let i = 0; i < regions.length; i++) {
          const region = regions[i]!;
          readAs.set(region, reads);
          const lines = await read(region);
          progress('ocr', mid + ((to - mid) * (i + 1)) / Math.max(1, regions.length));
          // Both readings stay: the parser pairs each label with the best value wherever it was read.
          pageLines = [...pageLines, ...lines];
        }
        if (added.length || regions.length) reparse('ocr2');
        // Payments still weak (a value under the seal reads as junk among characters): the value right of its
        // label read once more, digits only. Believed no more than for checking (capped), unless the payments
        // then add up to the total (the cross-check confirms them).
        const weakPay = weakFields(mergeCandidates([...sets, ...local])).filter((f) => PAYMENTS.includes(f));
        const digits: OcrLine[] = [];
        for (const f of weakPay) {
          const label = parsed.anchors.find((a) => a.key === f);
          const box = label && amountValueBox([label.box], pageLines, image);
          if (!label || !box) continue;
          const readAs = async (mode: OcrMode) => {
            const prep = prepareRegion(look, { fields: [f], box, mode, channel: 'red' }, charH, { crossRules: true });
            const out = await engine.recognize(prep.image, { mode, whitelist: AMOUNT_CHARS });
            return capLines(regionLinesToPage(out.lines, prep.scale, prep.offset), DIGITS_CAP);
          };
          // As a line (cut to its band of ink); no amount there (the band cut through the digits, a seal's
          // remains taken for the line): as a block. The same crop read twice is one reading.
          let read = await readAs('line');
          if (!hasAmount(read)) read = await readAs('block');
          // The reading holds its label (where it was found) before the digits: a reading pairs a label with
          // the value after it in its own words (another reading's junk there would otherwise end the search).
          digits.push(...tag({ lines: read.map((l) => withLabel(l, f, label.box)) }, reads++).lines);
        }
        if (digits.length) {
          pageLines = [...pageLines, ...digits];
          reparse('ocr2');
        }
        // The hospital still weak: its line crops read once more, sharpened (a blurred photo's strokes), and
        // the parser takes the better reading. The same text read twice is not a second opinion: its lines keep
        // the first reading's number, so the two never count as agreeing readings.
        if (weakFields(mergeCandidates([...sets, ...local])).includes('hospital')) {
          const again: OcrLine[] = [];
          for (const region of regions) {
            if (region.mode === 'line' && region.fields.includes('hospital') && readAs.has(region)) again.push(...(await read(region, readAs.get(region))));
          }
          if (again.length) {
            pageLines = [...pageLines, ...again];
            reparse('ocr2');
          }
        }
        await hospitalFromSeal(image, seals, parsed, local, second);
      } catch (e) {
        if (e instanceof InvoiceError) throw e;
        warnings.push({ code: 'invoiceWarnSecondPassFailed', message: invoiceError('invoiceWarnSecondPassFailed', e instanceof Error ? e.message : String(e)).message });
      }
    }
    // Pass 1 lost rows (few labels found on a hard page): a 门诊 title or a 01 票据代码 says no 急诊 is printed only
    // where the page was read — whole rows, 门诊类别 急诊 among them, may have gone. The type they imply is shown
    // for checking; a type read printed (any pass) is not touched.
    if (lostRows) {
      for (const set of local) {
        const v = set.visitType;
        if (v && v.value === 'outpatient' && (v.via === 'title' || v.via === 'code' || v.via === 'derived')) v.cap = Math.min(v.cap ?? 1, TYPE_GUESS);
      }
    }
    if (toSource) for (const set of local) for (const c of Object.values(set)) if (c) c.boxes = c.boxes.map(toSource);
    sets.push(...local);
  };

  const decodeQr = async (image: PixelImage) => {
    if (!deps.qr) return;
    progress('qr', 0.1);
    try {
      for (const text of await deps.qr(image)) {
        const q = parseQrPayload(text);
        if (q) {
          sets.push(fromQr(q));
          break;
        }
      }
    } catch {
      /* QR is a bonus: OCR still runs */
    }
  };

  try {
    progress('sniff', 0);
    const bytes = input.bytes;
    if (!bytes || bytes.length === 0) throw invoiceError('invoiceErrorEmpty');
    checkFileSize(bytes.length);
    const type = sniffType(bytes);
    if (type === 'heic' || type === 'avif') throw invoiceError('invoiceErrorHeic');

    if (type === 'pdf') {
      if (!deps.pdf) throw invoiceError('invoiceErrorPdfUnavailable');
      progress('pdf', 0.05);
      let pages;
      try {
        pages = await deps.pdf.extractText(bytes);
      } catch (e) {
        throw invoiceError('invoiceErrorPdf', e instanceof Error ? e.message : String(e));
      }
      if (pages[0]) imageSize = { width: Math.round(pages[0].width), height: Math.round(pages[0].height) };
      const lines = pages.flatMap((p) => p.lines);
      const chars = lines.reduce((a, l) => a + l.text.replace(/\s/g, '').length, 0);
      if (chars >= 20) {
        const p = parseInvoiceText(lines);
        sets.push(candidates(p, 'pdf', 'pdf'));
        takeOther(p, 'pdf');
        // A QR may still add the check code etc. when the text layer lacks them (only where pages can be rendered).
        const missing = !p.fields.invoiceCode || !p.fields.invoiceNumber || !p.fields.checkCode;
        if (missing && deps.pdf.renderPage && deps.qr) {
          try {
            await decodeQr(await deps.pdf.renderPage(bytes, 0, renderScale(pages[0]?.width ?? 0, pages[0]?.height ?? 0, 2)));
          } catch {
            /* ignore */
          }
        }
        return finish();
      }
      // Scanned PDF: render the first page and OCR it.
      if (!deps.pdf.renderPage) throw invoiceError('invoicePdfScannedNeedsBrowser');
      progress('decode', 0.08);
      // 2.5× of an A4 page; a poster-sized page is scaled down to MAX_RENDER_SIDE (never a 36000² canvas).
      const rendered = await deps.pdf.renderPage(bytes, 0, renderScale(pages[0]?.width ?? 0, pages[0]?.height ?? 0, 2.5));
      const { image } = downscaleToFit(flattenAlpha(rendered));
      // Boxes of a rendered page are in rendered pixels; report that size.
      imageSize = { width: image.width, height: image.height };
      await decodeQr(image);
      await ocrImage(image, 0.15, 0.95);
      return finish();
    }

    if (!IMAGE_TYPES.has(type)) throw invoiceError('invoiceErrorUnsupported');
    // Size from the header before any decoding: unreadable or oversized pictures are refused here.
    checkImageHeader(bytes);
    progress('decode', 0.03);
    let decoded: PixelImage;
    try {
      decoded = await deps.decodeImage(bytes, mimeOf(type));
    } catch (e) {
      if (e instanceof InvoiceError) throw e;
      throw invoiceError('invoiceErrorDecode', e instanceof Error ? e.message : String(e));
    }
    if (!decoded || !(decoded.width > 0) || !(decoded.height > 0) || decoded.data?.length !== decoded.width * decoded.height * 4) {
      throw invoiceError('invoiceErrorDecode', 'no pixels');
    }
    if (Math.min(decoded.width, decoded.height) < MIN_SIDE / 2 || Math.max(decoded.width, decoded.height) < MIN_SIDE) {
      throw invoiceError('invoiceErrorTooSmall', decoded.width, decoded.height);
    }
    const source = decoded.sourceSize ?? { width: decoded.width, height: decoded.height };
    imageSize = { width: source.width, height: source.height };
    const { image, scale } = downscaleToFit(flattenAlpha(decoded));
    decoded = undefined as unknown as PixelImage; // let a huge original be collected early
    // Engine pixels → the user's picture pixels.
    boxScale = (image.width / source.width) || scale;
    await decodeQr(image);
    // A phone photo of a sheet on a table: straighten it first (boxes go back through the homography).
    const straight = rectifyDocument(image);
    if (straight) await ocrImage(straight.image, 0.15, 0.95, (b) => mapBox(straight.toSource, b));
    else await ocrImage(image, 0.15, 0.95);
    return finish();
  } catch (e) {
    return finish(toIssue(e, 'invoiceErrorOcr'));
  }
}

/** Reads several files one after another (OCR is CPU-bound); a failing file does not stop the others. */
export async function readInvoices(inputs: InvoiceInput[], deps: ReadInvoiceDeps): Promise<InvoiceResult[]> {
  const out: InvoiceResult[] = [];
  for (let i = 0; i < inputs.length; i++) {
    try {
      out.push(await readInvoice(inputs[i]!, deps, { index: i, count: inputs.length }));
    } catch (e) {
      // readInvoice does not reject; this guards against inputs that throw when touched.
      out.push(failedResult(safeName(inputs[i]), toIssue(e, 'invoiceErrorOcr')));
    }
  }
  return out;
}

function safeName(input: InvoiceInput | undefined): string {
  try {
    return String(input?.name ?? '');
  } catch {
    return '';
  }
}

/** A result with nothing read and `error` set. */
export function failedResult(file: string, error: Issue): InvoiceResult {
  return result({ name: file, bytes: new Uint8Array(0) }, now(), {}, [], undefined, error);
}
