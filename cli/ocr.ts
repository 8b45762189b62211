// Invoice reader CLI: `npm run --silent ocr -- [--json] [--boxes] [--single-pass] <files…>`
// Same `readInvoice` as the extension (wired for Node in utils/invoice/node.ts).
// Exit code 0 even when some files fail (their object carries `error`); 2 on a usage error.
import { createNodeDeps, readInvoiceFiles } from '../utils/invoice/node';
import { parseArgs, toJson, toTable, USAGE } from './ocr-format';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return args === USAGE ? 0 : 2;
  }
  let last = '';
  const deps = createNodeDeps({
    secondPass: !args.singlePass,
    onProgress: args.quiet || !process.stderr.isTTY
      ? undefined
      : (e) => {
          const line = `[${e.index + 1}/${e.count}] ${e.file} ${e.phase} ${Math.round(e.progress * 100)}%`;
          if (line !== last) process.stderr.write(`\r${line}\x1b[K`);
          last = line;
        },
  });
  try {
    const results = await readInvoiceFiles(args.files, deps);
    if (last) process.stderr.write('\r\x1b[K');
    process.stdout.write(args.json ? `${JSON.stringify(results.map((r) => toJson(r, args.boxes)), null, 2)}\n` : `${toTable(results)}\n`);
    return 0;
  } finally {
    await deps.dispose();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
