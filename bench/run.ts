/**
 * `npm run bench` — runs every `bench/*.bench.ts` (or the ones named on the command line)
 * and prints each result as a table. Benchmarks measure; they never fail a build.
 *
 * A bench module default-exports `async () => BenchTable | BenchTable[]`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import os from 'node:os';
import { formatTable, type BenchTable } from './table';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

console.log(`# Benchmarks — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<BenchTable | BenchTable[]> };
  const result = await mod.default();
  for (const table of Array.isArray(result) ? result : [result]) console.log(formatTable(table) + '\n');
}
