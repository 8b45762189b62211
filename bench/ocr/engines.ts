// Engines for the benchmark: the native `tesseract` CLI behind the same `OcrEngine` interface (so its text
// goes through the same pipeline and parser), and a timing decorator for any engine.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { encodePgm, toGray } from '../../utils/invoice/image';
import type { OcrEngine, OcrLine, OcrMode, OcrOutput, OcrWord, PixelImage } from '../../utils/invoice/types';

const run = promisify(execFile);

/** Parses `tesseract … tsv` output into engine-neutral lines (words of level 5 grouped by block/par/line). */
export function linesFromTsv(tsv: string): OcrLine[] {
  const lines = new Map<string, OcrLine>();
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12) continue;
    const [level, , block, par, line, , left, top, width, height, conf] = c.map(Number) as number[];
    const text = c.slice(11).join('\t');
    const key = `${block}/${par}/${line}`;
    const bbox = { x: left!, y: top!, w: width!, h: height! };
    const empty = (): OcrLine => ({ text: '', conf: 0, bbox, words: [] as OcrWord[] });
    if (level === 4) lines.set(key, empty());
    if (level === 5 && text.trim()) {
      const l = lines.get(key) ?? empty();
      lines.set(key, l);
      l.words.push({ text, conf: Math.max(0, conf!) / 100, bbox });
    }
  }
  return [...lines.values()]
    .filter((l) => l.words.length)
    .map((l) => ({ ...l, text: l.words.map((w) => w.text).join(' '), conf: l.words.reduce((a, w) => a + w.conf, 0) / l.words.length }));
}

/** Debian `tesseract` 5.3 + `tesseract-ocr-chi-sim`, psm 3, one thread (OMP_THREAD_LIMIT=1), fed the same gray image. */
export function createTesseractCliEngine(opts: { psm?: string; lang?: string } = {}): OcrEngine {
  const dir = mkdtempSync(join(tmpdir(), 'tess-cli-'));
  let n = 0;
  return {
    name: 'tesseract CLI',
    async init() {},
    async recognize(image: PixelImage, o?: { mode?: OcrMode }): Promise<OcrOutput> {
      const file = join(dir, `in${n++}.pgm`);
      writeFileSync(file, encodePgm(toGray(image)));
      try {
        const psm = o?.mode === 'line' ? '7' : o?.mode === 'block' ? '6' : (opts.psm ?? '3');
        const { stdout } = await run('tesseract', [file, 'stdout', '-l', opts.lang ?? 'chi_sim', '--psm', psm, 'tsv'], {
          env: { ...process.env, OMP_THREAD_LIMIT: '1' },
          maxBuffer: 64 * 1024 * 1024,
        });
        return { lines: linesFromTsv(stdout) };
      } finally {
        rmSync(file, { force: true });
      }
    },
    async terminate() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { timed, type EngineTimes } from './timing';
