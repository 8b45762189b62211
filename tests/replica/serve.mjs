#!/usr/bin/env node
// Starts the portal replica and keeps it running: node tests/replica/serve.mjs [--port 8443]
import { startReplica } from './server.mjs';

const args = process.argv.slice(2);
const i = args.indexOf('--port');
const port = i >= 0 ? Number(args[i + 1]) : Number(process.env.REPLICA_PORT || 8443);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('usage: node tests/replica/serve.mjs [--port 8443]');
  process.exit(2);
}

const replica = await startReplica({ port, quiet: false });
const urls = replica.urls();
console.log(`一网通办 replica listening on https://127.0.0.1:${replica.port} (all hosts)\n`);
for (const [k, v] of Object.entries(urls)) console.log(`  ${k}\n      ${v}`);
console.log(`\n  submissions: GET https://127.0.0.1:${replica.port}/__replica/submissions   reset: POST /__replica/reset`);
console.log('\nStart Chromium with:\n');
console.log(`  chromium --user-data-dir="$(mktemp -d)" --ignore-certificate-errors \\\n    --host-resolver-rules="${replica.hostResolverRules}" \\\n    ${urls['门户首页']}\n`);
console.log('Ctrl-C to stop.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await replica.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
