/**
 * The built package (what a reviewer and the browser get), checked file by file: no remote URL —
 * no CDN, no remote script — apart from an explicit allow-list (the portal's own hosts, XML
 * namespaces and spec identifiers that are names, not addresses), and a manifest that keeps pages
 * from loading or connecting anywhere else.
 *
 *   npm run build && node tests/e2e/run.mjs package
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXTENSION_DIR } from './harness';

/** The portal: match patterns, host permissions, links to its guide pages. */
const PORTAL = /^https:\/\/(zwdt|ywtb)\.sh\.gov\.cn(\/|$)/;

/**
 * Every other absolute URL allowed in the package, exactly as written there, with why it is harmless.
 * A new entry needs a reason of the same kind: an identifier never fetched.
 */
const ALLOWED: Record<string, string> = {
  // XML / XHTML / SVG / MathML namespaces (DOM APIs take them as names)
  'http://www.w3.org/2000/svg': 'SVG namespace (Preact, pdf.js)',
  'http://www.w3.org/1999/xhtml': 'XHTML namespace (Preact, pdf.js)',
  'http://www.w3.org/1998/Math/MathML': 'MathML namespace (Preact)',
  'http://www.w3.org/1999/xlink': 'XLink namespace',
  'http://www.w3.org/XML/1998/namespace': 'XML namespace',
  'http://www.w3.org/2000/xmlns/': 'XMLNS namespace',
  'http://www.w3.org/2000/09/xmldsig#': 'XML signature namespace (pdf.js XFA)',
  'http://www.w3.org/1999/XSL/Transform': 'XSLT namespace (pdf.js XFA)',
  'http://ns.adobe.com/xdp/': 'XDP namespace (pdf.js XFA)',
  'http://ns.adobe.com/xdp/pdf/': 'XDP namespace (pdf.js XFA)',
  'http://ns.adobe.com/xfdf/': 'XFDF namespace (pdf.js XFA)',
  'http://ns.adobe.com/xmpmeta/': 'XMP namespace (pdf.js metadata)',
  'http://www.xfa.org/schema/xci/': 'XFA namespace (pdf.js)',
  'http://www.xfa.org/schema/xdc/': 'XFA namespace (pdf.js)',
  'http://www.xfa.org/schema/xfa-connection-set/': 'XFA namespace (pdf.js)',
  'http://www.xfa.org/schema/xfa-data/': 'XFA namespace (pdf.js)',
  'http://www.xfa.org/schema/xfa-data/1.0/': 'XFA namespace (pdf.js)',
  'http://www.xfa.org/schema/xfa-form/': 'XFA namespace (pdf.js)',
  'http://www.xfa.org/schema/xfa-locale-set/': 'XFA namespace (pdf.js)',
  'http://www.xfa.org/schema/xfa-source-set/': 'XFA namespace (pdf.js)',
  'http://www.xfa.org/schema/xfa-template/': 'XFA namespace (pdf.js)',
  // JSON Schema identifiers (zod's toJSONSchema names the draft it writes)
  'https://json-schema.org/draft/2020-12/schema': 'JSON Schema draft id (zod)',
  'http://json-schema.org/draft-07/schema#': 'JSON Schema draft id (zod)',
  'http://json-schema.org/draft-04/schema#': 'JSON Schema draft id (zod)',
  // bases and templates for parsing or checking URLs, never requested
  'https://foo.bar': 'pdf.js: a base to parse relative link targets with `new URL(x, base)`',
  'http://example.com': 'pdf.js: a base to test whether a string parses as a URL',
  'http://${d}': 'pdf.js: adds a scheme to a www. link found in a PDF (shown, not fetched)',
  'http://${e}': 'pdf.js worker: the same for XFA links',
  'http://[${e}]': 'zod: the IPv6 URL check',
  'http://www.apache.org/licenses/LICENSE-2.0': 'licence text in a comment',
};

/** Hosts that serve code or data to pages: none may appear in the package, with or without a scheme. */
const CDN = /\b(jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|cdn\.bootcdn\.net|cdn\.staticfile\.org|lib\.baomitu\.com|googleapis\.com|gstatic\.com|githubusercontent\.com|tessdata|projectnaptha\.com|esm\.sh|skypack\.dev)\b/i;

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** Absolute URLs (any scheme that fetches) in a file's bytes, as written. */
function urlsIn(text: string): string[] {
  return [...text.matchAll(/\b(?:https?|wss?|ftp):\/\/[^\s"'`<>()\\,;]*/gi)].map((m) => m[0].replace(/[.:]+$/, ''));
}

/** Protocol-relative addresses in string literals (`"//cdn.example/x.js"`). */
function protocolRelative(text: string): string[] {
  return [...text.matchAll(/["'`]\/\/[a-z0-9-]+(\.[a-z0-9-]+)+\//gi)].map((m) => m[0].slice(1));
}

describe('the built package', () => {
  const files = [...walk(EXTENSION_DIR)];
  const texts = files.map((f) => ({ file: relative(EXTENSION_DIR, f), text: readFileSync(f).toString('latin1') }));

  it('holds no remote URL but the portal and the allow-listed names', () => {
    const found: string[] = [];
    for (const { file, text } of texts) {
      for (const raw of urlsIn(text)) {
        const url = Buffer.from(raw, 'latin1').toString('utf8');
        if (PORTAL.test(url) || url in ALLOWED) continue;
        found.push(`${file}: ${url}`);
      }
      for (const rel of protocolRelative(text)) found.push(`${file}: ${rel} (protocol-relative)`);
    }
    assert.deepEqual(found, [], `remote URLs in the package (remove them at build time, or allow-list a name with a reason):\n${found.join('\n')}`);
  });

  it('names no CDN anywhere, with or without a scheme (the OCR and QR defaults are removed at build time)', () => {
    const found = texts.flatMap(({ file, text }) => [...text.matchAll(new RegExp(CDN.source, 'gi'))].map((m) => `${file}: …${text.slice(Math.max(0, m.index! - 40), m.index! + 40)}…`));
    assert.deepEqual(found, []);
  });

  it('keeps extension pages to their own files: the CSP and the panel’s dynamic URL', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const csp: string = manifest.content_security_policy.extension_pages;
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
    assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
    assert.deepEqual(directives['object-src'], ["'self'"]);
    assert.deepEqual(directives['connect-src'], ["'self'", 'blob:', 'data:']);
    assert.deepEqual(manifest.web_accessible_resources, [
      { resources: ['panel.html'], matches: ['https://zwdt.sh.gov.cn/*', 'https://ywtb.sh.gov.cn/*'], use_dynamic_url: true },
    ]);
  });
});
