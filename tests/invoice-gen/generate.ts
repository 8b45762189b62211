/**
 * Synthetic medical-invoice generator for the OCR benchmark and the e2e tests.
 *
 *   node --import tsx tests/invoice-gen/generate.ts --out bench-output/invoices [--count 3] [--seed 1]
 *        [--templates sh-outpatient,zj-outpatient] [--layouts ha-outpatient,cq-inpatient] [--degradations clean,photo] [--no-pdf]
 *
 * `--templates` and `--layouts` are the same option; only they make the development layouts (`devOnly` in
 * layouts/specs.ts: ha-outpatient, cq-inpatient, hl-outpatient — never in the default set nor the benchmark).
 *
 * Default set: 12 layouts (layouts/specs.ts; 3 of them held out) × 6 variants (clean PNG + 5 phone-photo JPEGs)
 * × the seeds, plus one PDF with a real text layer per e-invoice layout and seed. Each file has
 * `<name>.truth.json` beside it and the directory gets an `index.json`. Deterministic from the seed (values,
 * wording, fonts, positions, seals, degradations).
 *
 * `generateOne({ template, seed, outDir, degradation })` makes one image (+ PDF) quickly for tests/demos.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import QRCode from 'qrcode';
import { makeRng } from './rng';
import { makeValues, toTruth, TEMPLATES, HELD_OUT, ALL_LAYOUTS, DEV_LAYOUTS, type InvoiceTruth, type TemplateId } from './values';
import { SPECS } from './layouts/specs';
import { DEGRADATIONS, degradeHtml, degradeParams, type Degradation } from './degrade';

export { TEMPLATES, HELD_OUT, ALL_LAYOUTS, DEV_LAYOUTS, DEGRADATIONS, SPECS };
export type { TemplateId, Degradation, InvoiceTruth };

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCALE = 1.8;

export interface GeneratedFile {
  file: string; // absolute path
  name: string; // basename without extension
  kind: 'image' | 'pdf';
  truthFile: string;
  truth: InvoiceTruth;
}

/** Headless Chromium with the flags this machine needs, in a fresh profile removed on close. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'invoice-gen-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`],
  });
  browser.once('disconnected', () => {
    // Chromium may still be flushing its profile while it exits: retry, and never crash the caller over it.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      setTimeout(() => {
        try {
          rmSync(profile, { recursive: true, force: true });
        } catch {
          /* leave it in tmp */
        }
      }, 2000).unref();
    }
  });
  return browser;
}

export function baseName(template: TemplateId, seed: number, degradation: Degradation | 'textpdf'): string {
  return `${template}-s${seed}-${degradation}`;
}

async function renderClean(page: Page, template: TemplateId, seed: number) {
  const v = makeValues(template, seed);
  const qrDataUrl = v.qr ? await QRCode.toDataURL(v.qr.payload, { margin: 1, width: 300, errorCorrectionLevel: 'M' }) : null;
  const html = SPECS[template].render({ v, qrDataUrl, rng: makeRng(`layout:${template}:${seed}`) });
  await page.setViewport({ width: 1000, height: 800, deviceScaleFactor: SCALE });
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const sheet = await page.$('#sheet');
  if (!sheet) throw new Error('template has no #sheet');
  const box = await sheet.boundingBox();
  if (!box) throw new Error('#sheet not laid out');
  const png = Buffer.from(await sheet.screenshot({ type: 'png' }));
  return { v, png, cssWidth: Math.ceil(box.width), cssHeight: Math.ceil(box.height) };
}

function writeTruth(outDir: string, name: string, truth: InvoiceTruth): string {
  const truthFile = join(outDir, `${name}.truth.json`);
  writeFileSync(truthFile, JSON.stringify(truth, null, 2) + '\n');
  return truthFile;
}

/** Render one invoice variant (and optionally its text-layer PDF) with an open page. */
export async function generateVariants(
  page: Page,
  opts: { template: TemplateId; seed: number; outDir: string; degradations: readonly Degradation[]; pdf: boolean },
): Promise<GeneratedFile[]> {
  const { template, seed, outDir } = opts;
  mkdirSync(outDir, { recursive: true });
  const out: GeneratedFile[] = [];
  const clean = await renderClean(page, template, seed);
  // Only fiscal e-invoices exist as PDFs; a paper form is only ever photographed or scanned.
  if (opts.pdf && SPECS[template].kind === 'e-invoice') {
    const name = baseName(template, seed, 'textpdf');
    const file = join(outDir, `${name}.pdf`);
    await page.emulateMediaType('screen');
    await page.addStyleTag({ content: '@page { margin: 0 } html, body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }' });
    writeFileSync(file, await page.pdf({ width: `${clean.cssWidth}px`, height: `${clean.cssHeight + 2}px`, printBackground: true, pageRanges: '1' }));
    const truth = toTruth(clean.v, 'clean', true);
    out.push({ file, name, kind: 'pdf', truthFile: writeTruth(outDir, name, truth), truth });
  }
  const size = await pngSize(clean.png);
  for (const degradation of opts.degradations) {
    const name = baseName(template, seed, degradation);
    let file: string;
    if (degradation === 'clean') {
      file = join(outDir, `${name}.png`);
      writeFileSync(file, clean.png);
    } else {
      const p = degradeParams(degradation, `${template}:${seed}`);
      const stage = degradeHtml(clean.png.toString('base64'), size.width, size.height, p);
      await page.setViewport({ width: stage.width, height: stage.height, deviceScaleFactor: 1 });
      await page.setContent(stage.html, { waitUntil: 'load' });
      file = join(outDir, `${name}.jpg`);
      writeFileSync(file, Buffer.from(await page.screenshot({ type: 'jpeg', quality: p.jpegQuality })));
    }
    const truth = toTruth(clean.v, degradation, false);
    out.push({ file, name, kind: 'image', truthFile: writeTruth(outDir, name, truth), truth });
  }
  return out;
}

async function pngSize(png: Buffer): Promise<{ width: number; height: number }> {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** One invoice image (clean or degraded) + its text-layer PDF, launching a browser unless given one. */
export async function generateOne(opts: {
  template: TemplateId;
  seed: number;
  outDir: string;
  degradation?: Degradation;
  pdf?: boolean;
  browser?: Browser;
}): Promise<{ image: string; pdf: string | null; truth: InvoiceTruth; truthFile: string }> {
  const browser = opts.browser ?? (await launchBrowser());
  try {
    const page = await browser.newPage();
    try {
      const files = await generateVariants(page, {
        template: opts.template,
        seed: opts.seed,
        outDir: resolve(opts.outDir),
        degradations: [opts.degradation ?? 'clean'],
        pdf: opts.pdf ?? true,
      });
      const image = files.find((f) => f.kind === 'image');
      if (!image) throw new Error('no image generated');
      return { image: image.file, pdf: files.find((f) => f.kind === 'pdf')?.file ?? null, truth: image.truth, truthFile: image.truthFile };
    } finally {
      await page.close();
    }
  } finally {
    if (!opts.browser) await browser.close();
  }
}

export interface SetOptions {
  outDir: string;
  count?: number; // seeds per template
  seed?: number; // first seed
  templates?: readonly TemplateId[];
  degradations?: readonly Degradation[];
  pdf?: boolean;
  log?: (line: string) => void;
}

/** The benchmark set; writes `index.json` listing every generated file. */
export async function generateSet(opts: SetOptions): Promise<GeneratedFile[]> {
  const outDir = resolve(opts.outDir);
  mkdirSync(outDir, { recursive: true });
  const count = opts.count ?? 3;
  const first = opts.seed ?? 1;
  const browser = await launchBrowser();
  const all: GeneratedFile[] = [];
  try {
    const page = await browser.newPage();
    for (let seed = first; seed < first + count; seed++) {
      for (const template of opts.templates ?? TEMPLATES) {
        const t0 = Date.now();
        const files = await generateVariants(page, { template, seed, outDir, degradations: opts.degradations ?? DEGRADATIONS, pdf: opts.pdf ?? true });
        all.push(...files);
        opts.log?.(`${template} seed ${seed}: ${files.length} files in ${Date.now() - t0} ms`);
      }
    }
  } finally {
    await browser.close();
  }
  const index = all.map((f) => ({ file: f.file.slice(outDir.length + 1), truth: f.truthFile.slice(outDir.length + 1), kind: f.kind, template: f.truth.template, degradation: f.truth.degradation, seed: f.truth.seed }));
  writeFileSync(join(outDir, 'index.json'), JSON.stringify({ generatedAt: new Date().toISOString(), count, seed: first, files: index }, null, 2) + '\n');
  return all;
}

function parseArgs(argv: string[]): SetOptions {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = <T extends string>(flag: string, allowed: readonly T[]): T[] | undefined => {
    const raw = get(flag);
    if (!raw) return undefined;
    const items = raw.split(',').map((s) => s.trim()) as T[];
    for (const it of items) if (!allowed.includes(it)) throw new Error(`${flag}: unknown ${it} (allowed: ${allowed.join(', ')})`);
    return items;
  };
  return {
    outDir: get('--out') ?? 'bench-output/invoices',
    count: get('--count') ? Number(get('--count')) : undefined,
    seed: get('--seed') ? Number(get('--seed')) : undefined,
    templates: list('--templates', ALL_LAYOUTS) ?? list('--layouts', ALL_LAYOUTS),
    degradations: list('--degradations', DEGRADATIONS),
    pdf: !argv.includes('--no-pdf'),
    log: (line) => console.error(line),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const files = await generateSet(opts);
  console.log(`${files.filter((f) => f.kind === 'image').length} images + ${files.filter((f) => f.kind === 'pdf').length} PDFs in ${resolve(opts.outDir)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
