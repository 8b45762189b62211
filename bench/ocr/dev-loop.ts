// Developer loop for parser work (not the benchmark): reads a folder of generated invoices with the shipped
// engine, caching every recognition by the pixels it was given, so a parser change is re-measured in seconds
// (only crops that changed are recognised again). Prints failures per field and the "wrong and not marked" list.
//
//   node --import tsx bench/ocr/dev-loop.ts <dir> [--filter sub] [--lines name] [--cache /tmp/ocr-cache]
//
// Prints how many recognitions the reader asked for (cached or not). With TIME_ALL=1 the cache is bypassed and
// each recognition is timed (wall and process CPU, per kind: page / line / block / digits-only).
//
// Use it on seeds the benchmark does not score (the benchmark's set is for measuring, not for iterating), and
// never on held-out layouts.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeDeps } from '../../utils/invoice/node';
import { readInvoice } from '../../utils/invoice/read-invoice';
import type { OcrEngine, OcrLine } from '../../utils/invoice/types';
import type { InvoiceTruth } from '../../tests/invoice-gen/values';
import { scoreFields } from './score';

const argv = process.argv.slice(2);
const opt = (k: string) => (argv.includes(k) ? argv[argv.indexOf(k) + 1] : undefined);
const dir = argv[0]!;
const filter = opt('--filter');
const linesOf = opt('--lines');
const cacheDir = opt('--cache') ?? '/tmp/ocr-cache';
mkdirSync(cacheDir, { recursive: true });

/** Recognitions asked for (cached or not): the parser's cost, independent of the cache. */
const calls = { n: 0, whitelist: 0, px: 0 };
/** With TIME_ALL=1 every recognition runs (no cache) and is timed, per kind. */
const times: Record<string, { n: number; wall: number; cpu: number }> = {};

function cached(engine: OcrEngine, log: (mode: string, lines: OcrLine[]) => void): OcrEngine {
  return {
    ...engine,
    init: () => engine.init(),
    terminate: () => engine.terminate(),
    async recognize(image, o) {
      const key = createHash('sha1').update(String(image.width)).update(String(image.height)).update(o?.mode ?? '').update(o?.whitelist ?? '').update(image.data).digest('hex');
      const file = join(cacheDir, key + '.json');
      let out: { lines: OcrLine[] };
      if (process.env.TIME_ALL) {
        const t0 = performance.now(), c0 = process.cpuUsage();
        out = await engine.recognize(image, o);
        const cpu = process.cpuUsage(c0);
        const k = o?.whitelist ? 'digits' : (o?.mode ?? 'page');
        const t = (times[k] ??= { n: 0, wall: 0, cpu: 0 });
        t.n++;
        t.wall += performance.now() - t0;
        t.cpu += (cpu.user + cpu.system) / 1000;
      } else if (existsSync(file)) out = JSON.parse(readFileSync(file, 'utf8'));
      else {
        out = await engine.recognize(image, o);
        writeFileSync(file, JSON.stringify({ lines: out.lines }));
      }
      log(o?.mode ?? '', out.lines);
      calls.n++;
      calls.px += image.width * image.height;
      if (o?.whitelist) calls.whitelist++;
      return out as Awaited<ReturnType<OcrEngine['recognize']>>;
    },
  } as OcrEngine;
}

const files = readdirSync(dir)
  .filter((f) => /\.(png|jpg)$/.test(f) && (!filter || f.includes(filter)))
  .filter((f) => !/^(sd|hn|fj)-/.test(f))
  .sort();
let logged: Array<{ mode: string; lines: OcrLine[] }> = [];
const base = createNodeDeps();
const deps = { ...base, engine: cached(base.engine, (mode, lines) => logged.push({ mode, lines })) };
let ok = 0, n = 0, wrong = 0, unmarked = 0, rightMarked = 0;
const perField = new Map<string, { ok: number; n: number }>();
const perKind = new Map<string, { ok: number; n: number; unmarked: number }>();
for (const f of files) {
  const truth = JSON.parse(readFileSync(join(dir, f.replace(/\.(png|jpg)$/, '.truth.json')), 'utf8')) as InvoiceTruth;
  if (truth.heldOut) continue;
  logged = [];
  const r = await readInvoice({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }, deps);
  if (linesOf && f.includes(linesOf)) {
    writeFileSync(join(cacheDir, `lines-${f}.json`), JSON.stringify(logged));
    for (const l of logged) {
      console.log(`--- ${l.mode}`);
      for (const line of l.lines) console.log(`  [${line.bbox.x},${line.bbox.y},${line.bbox.w}x${line.bbox.h}] ${line.words.map((w) => `${w.text}@${w.bbox.x}(${Math.round(w.conf * 100)})`).join(' ')}`);
    }
  }
  const kind = f.replace(/\.(png|jpg)$/, '').split('-').pop()!;
  const pk = perKind.get(kind) ?? { ok: 0, n: 0, unmarked: 0 };
  perKind.set(kind, pk);
  for (const o of scoreFields(truth, r)) {
    n++;
    pk.n++;
    if (o.ok) pk.ok++;
    else if (o.got !== '∅' && !o.marked) pk.unmarked++;
    const pf = perField.get(o.field) ?? { ok: 0, n: 0 };
    pf.n++;
    perField.set(o.field, pf);
    if (o.ok) {
      ok++;
      if (o.marked) rightMarked++;
      pf.ok++;
      continue;
    }
    const shown = o.got !== '∅';
    if (shown) wrong++;
    if (shown && !o.marked) unmarked++;
    console.log(`${f}\t${o.field}\t${o.expected}\t${o.got}\t${o.conf}${shown && !o.marked ? '\tUNMARKED' : ''}`);
  }
}
console.log(`\n${ok}/${n} exact (${((100 * ok) / n).toFixed(1)}%); wrong shown ${wrong}, unmarked ${unmarked}; right but marked ${rightMarked}`);
console.log(`recognitions ${calls.n} (${calls.whitelist} digits-only), ${(calls.px / 1e6).toFixed(1)} Mpx recognised`);
if (process.env.TIME_ALL) for (const [k, t] of Object.entries(times)) console.log(`${k}: ${t.n} recognitions, ${(t.wall / 1000).toFixed(1)} s wall, ${(t.cpu / 1000).toFixed(1)} s CPU (${(t.cpu / t.n).toFixed(0)} ms each)`);
console.log([...perField].map(([k, v]) => `${k} ${v.ok}/${v.n}`).join('; '));
console.log([...perKind].sort().map(([k, v]) => `${k} ${v.ok}/${v.n}${v.unmarked ? ` (unmarked ${v.unmarked})` : ''}`).join('; '));
await base.dispose();
