// Argument parsing and output formatting of the invoice CLI (kept apart from main() so tests can import it).
import { isLowConfidence, type ReviewItem } from '../utils/invoice-ui/review';
import { FIELD_NAMES, type FieldName, type InvoiceResult } from '../utils/invoice/types';

/** Fields the review would show marked ⚠ 请核对 (its own rule), in the engine's order. */
export function fieldsToCheck(r: InvoiceResult): FieldName[] {
  const item: ReviewItem = { id: 'cli', file: r.file, kind: 'image', status: 'done', progress: 1, result: r, values: {} as ReviewItem['values'], errors: {}, edited: [], confirmed: false };
  return FIELD_NAMES.filter((f) => r.fields[f] !== null && isLowConfidence(item, f));
}

export const USAGE = `usage: npm run --silent ocr -- [--json] [--boxes] [--single-pass] [--quiet] <invoice.jpg|png|pdf …>
  --json         print a JSON array, one object per file
  --boxes        include the word boxes of each value (JSON only)
  --single-pass  skip the second look at weak fields (crops read again, seal ring)
  JSON: every field, confidence, source, check (fields the review marks ⚠ 请核对), ms, warnings, error
  --quiet        no progress on stderr`;

interface Args {
  json: boolean;
  boxes: boolean;
  singlePass: boolean;
  quiet: boolean;
  files: string[];
}

export function parseArgs(argv: string[]): Args | string {
  const a: Args = { json: false, boxes: false, singlePass: false, quiet: false, files: [] };
  let rest = false;
  for (const arg of argv) {
    if (rest || !arg.startsWith('--')) a.files.push(arg);
    else if (arg === '--') rest = true;
    else if (arg === '--json') a.json = true;
    else if (arg === '--boxes') a.boxes = true;
    else if (arg === '--single-pass') a.singlePass = true;
    else if (arg === '--quiet') a.quiet = true;
    else if (arg === '--help' || arg === '-h') return USAGE;
    else return `unknown option ${arg}\n${USAGE}`;
  }
  if (!a.files.length) return `no files given\n${USAGE}`;
  return a;
}

/** The CLI's JSON object for one result: file, every field (null when not found), confidence, source, ms. */
export function toJson(r: InvoiceResult, boxes = false): Record<string, unknown> {
  const o: Record<string, unknown> = { file: r.file };
  for (const f of FIELD_NAMES) o[f] = r.fields[f];
  o.confidence = r.confidence;
  o.source = r.source;
  o.check = fieldsToCheck(r);
  o.ms = r.ms;
  if (r.warnings.length) o.warnings = r.warnings;
  if (r.error) o.error = r.error;
  if (boxes) {
    o.boxes = r.boxes;
    if (r.imageSize) o.imageSize = r.imageSize;
  }
  return o;
}

function width(s: string): number {
  let w = 0;
  for (const c of s) w += /[\u1100-\uffff]/.test(c) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function toTable(results: InvoiceResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(`== ${r.file}  (${r.ms} ms)`);
    if (r.error) out.push(`   ERROR ${r.error.code}: ${r.error.message}`);
    const check = new Set(fieldsToCheck(r));
    for (const f of FIELD_NAMES) {
      const v = r.fields[f];
      const val = v === null ? '—' : Array.isArray(v) ? v.join(' ~ ') : String(v);
      const conf = v === null ? '' : r.confidence[f].toFixed(2);
      out.push(`   ${pad(f, 22)} ${pad(val, 34)} ${pad(conf, 5)} ${pad(r.source[f] ?? '', 4)} ${check.has(f) ? '⚠ 请核对' : ''}`.trimEnd());
    }
    for (const w of r.warnings) out.push(`   ! ${w.message}`);
    out.push('');
  }
  return out.join('\n');
}

