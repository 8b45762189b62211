// Local replica of the 一网通办 portal pages used by 办理医疗费零星报销 (松江区).
// One HTTPS server answers every replicated host; Chromium reaches it through
// --host-resolver-rules, so pages keep their real origins. See README.md.
import https from 'node:https';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import selfsigned from 'selfsigned';

import * as portal from './pages/portal.mjs';
import * as elementApp from './pages/element-apply.mjs';
import * as bootstrapApp from './pages/bootstrap-apply.mjs';
import * as logistics from './pages/logistics.mjs';
import { ITEMS, itemById, itemByCodeOrId, BANKS, REGIONS, SH_DISTRICTS, MATERIALS } from './pages/data.mjs';
import { parseMultipart } from './multipart.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const NM = path.join(ROOT, 'node_modules');

export const HOSTS = ['zwdt.sh.gov.cn', 'ywtb.sh.gov.cn', 'www.example.com'];
/** Port the old application host shows in its URLs (the connection still goes to our port). */
export const YWTB_PORT = 18018;

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.txt': 'text/plain; charset=utf-8',
};

// URL prefix -> directory on disk. Only files below the directory are served.
const VENDOR_DIRS = [
  ['/vendor/element-ui/', path.join(NM, 'element-ui', 'lib')],
  ['/vendor/bootstrap/', path.join(NM, 'bootstrap', 'dist')],
  ['/static/', path.join(HERE, 'static')],
  // the old host keeps its assets under the application context path
  ['/ac-product-net/static/', path.join(HERE, 'static')],
  ['/ac-product-net/vendor/bootstrap/', path.join(NM, 'bootstrap', 'dist')],
];
const VENDOR_FILES = {
  '/vendor/vue.min.js': path.join(NM, 'vue', 'dist', 'vue.min.js'),
  '/vendor/vue.js': path.join(NM, 'vue', 'dist', 'vue.js'),
  '/vendor/jquery.min.js': path.join(NM, 'jquery', 'dist', 'jquery.min.js'),
  '/ac-product-net/vendor/jquery.min.js': path.join(NM, 'jquery', 'dist', 'jquery.min.js'),
  '/favicon.ico': path.join(HERE, 'static', 'img', 'favicon.ico'),
};

function sendFile(res, file) {
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': st.size,
      'Cache-Control': 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  });
}

function send(res, status, type, body, headers = {}) {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(String(body), 'utf8');
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': buf.length, 'Cache-Control': 'no-store', ...headers });
  res.end(buf);
}
const html = (res, body, status = 200) => send(res, status, 'text/html; charset=utf-8', body);
const json = (res, obj, status = 200) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(obj));

function readBody(req, limit = 30 * 1024 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let n = 0;
    req.on('data', (c) => {
      n += c.length;
      if (n > limit) { reject(new Error('body too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Parses a request body into { fields, files }. JSON bodies are returned as `fields`. */
async function parseBody(req) {
  const raw = await readBody(req);
  const type = String(req.headers['content-type'] || '');
  if (type.startsWith('application/json')) {
    try { return { fields: JSON.parse(raw.toString('utf8') || 'null'), files: [] }; }
    catch { return { fields: raw.toString('utf8'), files: [] }; }
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { fields: formToObject(new URLSearchParams(raw.toString('utf8'))), files: [] };
  }
  if (type.startsWith('multipart/form-data')) {
    const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
    const parts = m ? parseMultipart(raw, m[1] || m[2]) : [];
    const fields = {};
    const files = [];
    for (const p of parts) {
      if (p.filename !== undefined) {
        if (p.filename === '' && p.data.length === 0) continue; // empty <input type=file>
        files.push({ field: p.name, filename: p.filename, type: p.type, size: p.data.length });
      } else addField(fields, p.name, p.data.toString('utf8'));
    }
    return { fields, files };
  }
  return { fields: raw.toString('utf8'), files: [] };
}

function addField(obj, k, v) {
  if (k in obj) obj[k] = Array.isArray(obj[k]) ? [...obj[k], v] : [obj[k], v];
  else obj[k] = v;
}
function formToObject(params) {
  const o = {};
  for (const [k, v] of params) addField(o, k, v);
  return o;
}

function captchaSvg() {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let s = '';
  for (let i = 0; i < 4; i++) s += chars[Math.floor(Math.random() * chars.length)];
  const letters = [...s].map((c, i) => {
    const rot = Math.round(Math.random() * 40 - 20);
    const y = 26 + Math.round(Math.random() * 6 - 3);
    return `<text x="${12 + i * 22}" y="${y}" transform="rotate(${rot} ${18 + i * 22} 20)" font-family="monospace" font-size="24" font-weight="bold" fill="#${['2d5c9e', 'a33', '397a2a', '7a3a8c'][i]}">${c}</text>`;
  }).join('');
  const noise = Array.from({ length: 5 }, () =>
    `<line x1="${Math.random() * 100}" y1="${Math.random() * 36}" x2="${Math.random() * 100}" y2="${Math.random() * 36}" stroke="#999" stroke-width="1"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="36" viewBox="0 0 100 36"><rect width="100" height="36" fill="#eef2f7"/>${noise}${letters}</svg>`;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the replica.
 * @param {{ port?: number, configDelayMs?: number, quiet?: boolean }} [opts]
 */
export async function startReplica({ port = 0, configDelayMs = 450, quiet = true } = {}) {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'zwdt.sh.gov.cn' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'zwdt.sh.gov.cn' },
          { type: 2, value: 'ywtb.sh.gov.cn' },
          { type: 2, value: 'www.example.com' },
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });

  const submissions = [];
  const uploads = [];
  /** Requests refused because of a simulated mode (not recorded as submissions). */
  const rejected = [];
  /** Simulated trouble: the login session has expired / the service is down for maintenance. */
  const mode = { sessionExpired: false, maintenance: false };
  const resetAll = () => {
    submissions.length = 0; uploads.length = 0; rejected.length = 0;
    mode.sessionExpired = false; mode.maintenance = false;
  };
  let seq = 0;

  const record = (req, host, pathname, body, extra = {}) => {
    const entry = { time: new Date().toISOString(), host, path: pathname, body, ...extra };
    submissions.push(entry);
    return entry;
  };
  const recordUploads = (req, host, pathname, files, extra = {}) => {
    for (const f of files) uploads.push({ time: new Date().toISOString(), host, path: pathname, ...f, ...extra });
  };

  async function handle(req, res) {
    const hostHeader = String(req.headers.host || 'localhost');
    const host = hostHeader.replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url || '/', `https://${hostHeader}`);
    const p = decodeURIComponent(url.pathname);
    const method = req.method || 'GET';

    // ---- test control (every host) ----
    if (p === '/__replica/submissions' && method === 'GET') return json(res, submissions);
    if (p === '/__replica/uploads' && method === 'GET') return json(res, uploads);
    if (p === '/__replica/reset' && method === 'POST') { resetAll(); return json(res, { ok: true }); }
    if (p === '/__replica/rejected' && method === 'GET') return json(res, rejected);
    if (p === '/__replica/mode') {
      if (method === 'POST') {
        const { fields } = await parseBody(req);
        for (const k of Object.keys(mode)) if (fields && typeof fields[k] === 'boolean') mode[k] = fields[k];
      }
      return json(res, mode);
    }

    // ---- static / vendor (every host) ----
    if (method === 'GET' || method === 'HEAD') {
      if (VENDOR_FILES[p]) return sendFile(res, VENDOR_FILES[p]);
      for (const [prefix, dir] of VENDOR_DIRS) {
        if (p.startsWith(prefix)) {
          const file = path.resolve(dir, '.' + p.slice(prefix.length - 1));
          if (!file.startsWith(dir + path.sep)) return send(res, 403, 'text/plain', 'Forbidden');
          return sendFile(res, file);
        }
      }
    }

    // ---- simulated trouble (opt-in through setMode / POST /__replica/mode) ----
    const isWrite = method === 'POST' && (/^\/api\/.*\/(submit|upload)$/.test(p) || p === '/ac-product-net/netapply/submit.do');
    const isApp = method === 'GET' && (p === '/api/apply/config' || p === '/ac-product-net/netapply/apply.do' || /^\/govPortals\/apply\//.test(p) || (host === 'www.example.com' && /^\/(apply.*)?$/.test(p)));
    if ((mode.sessionExpired || mode.maintenance) && isWrite) {
      const { fields, files } = await parseBody(req);
      const why = mode.maintenance ? 'maintenance' : 'sessionExpired';
      rejected.push({ time: new Date().toISOString(), host, path: p, reason: why, body: fields, files });
      const msg = why === 'maintenance' ? '系统升级维护中，请稍后再试' : '登录已超时，请重新登录';
      const status = why === 'maintenance' ? 503 : 401;
      if (p.startsWith('/api/')) return json(res, { code: status, msg }, status);
      return html(res, bootstrapApp.errorPage(msg), status);
    }
    if (mode.maintenance && isApp) {
      if (p.startsWith('/api/')) return json(res, { code: 503, msg: '系统升级维护中，请稍后再试' }, 503);
      return html(res, portal.maintenance(), 503);
    }

    // ---- shared JSON API used by the Element apps (zwdt + example.com) ----
    if (p === '/api/apply/config' && method === 'GET') {
      await sleep(configDelayMs);
      const item = itemById(url.searchParams.get('itemId')) || ITEMS[0];
      return json(res, { code: 200, msg: '成功', data: { itemId: item.id, itemName: item.name, deptName: item.dept, banks: BANKS, regions: REGIONS, districts: SH_DISTRICTS,
        materials: MATERIALS.map((m) => ({ clmc: m.label, sm: m.tip, bx: m.required === true ? '1' : m.required === 'delegate' ? 'WT' : m.required === 'inpatient' ? 'ZY' : '0' })) } });
    }
    if (p === '/api/captcha' || p === '/ac-product-net/captcha.do') {
      return send(res, 200, 'image/svg+xml; charset=utf-8', captchaSvg());
    }
    if (method === 'POST' && p === '/api/apply/upload') {
      const { fields, files } = await parseBody(req);
      recordUploads(req, host, p, files, { slot: fields.slot || fields.materialName || '' });
      return json(res, { code: 200, msg: '上传成功', data: { fileId: 'F' + Date.now().toString(36) + (++seq) } });
    }
    if (method === 'POST' && /^\/api\/.*\/submit$/.test(p)) {
      const { fields, files } = await parseBody(req);
      if (files.length) recordUploads(req, host, p, files);
      record(req, host, p, fields);
      const no = (p.includes('logistics') ? 'WL' : 'SJ') + new Date().toISOString().slice(0, 10).replace(/-/g, '') + String(100000 + (++seq)).slice(1);
      return json(res, { code: 200, msg: '提交成功', data: { bjbh: no } });
    }

    // ---- per host ----
    if (host === 'zwdt.sh.gov.cn') return zwdt(req, res, url, p, method);
    if (host === 'ywtb.sh.gov.cn') return ywtb(req, res, url, p, method);
    if (host === 'www.example.com') {
      if (p === '/' || p === '/apply' || /^\/apply\/(basic|invoice|materials)$/.test(p)) {
        return html(res, elementApp.render({ item: ITEMS[0], basePath: '/apply/', siteTitle: 'Example Domain' }));
      }
      return html(res, portal.notFound(), 404);
    }
    // localhost / 127.0.0.1: an index of the replica (for humans)
    if (p === '/') return html(res, portal.devIndex(replica));
    return html(res, portal.notFound(), 404);
  }

  function zwdt(req, res, url, p, method) {
    if (p === '/' || p === '/govPortals/' || p === '/govPortals/index') return html(res, portal.home());
    if (p === '/govPortals/common/header') return html(res, portal.headerFrame());
    if (p === '/govPortals/common/footer') return html(res, portal.footerFrame());
    let m;
    if ((m = /^\/govPortals\/bsfw\/item\/([^/]+)\/?$/.exec(p))) {
      const item = itemById(m[1]);
      if (!item) return html(res, portal.notFound(), 404);
      return html(res, portal.guide(item, { app: url.searchParams.get('app') }));
    }
    if ((m = /^\/govPortals\/apply\/embed\/([^/]+)\/?$/.exec(p))) {
      const item = itemById(m[1]);
      if (!item) return html(res, portal.notFound(), 404);
      return html(res, portal.embed(item));
    }
    // the "quick" variant: the same application, but Enter anywhere in it submits at once
    if ((m = /^\/govPortals\/apply\/quick\/([^/]+)(?:\/(basic|invoice|materials))?\/?$/.exec(p))) {
      const item = itemById(m[1]);
      if (!item) return html(res, portal.notFound(), 404);
      return html(res, elementApp.render({ item, basePath: `/govPortals/apply/quick/${item.id}/`, submitOnEnter: true }));
    }
    if ((m = /^\/govPortals\/apply\/([^/]+)(?:\/(basic|invoice|materials))?\/?$/.exec(p))) {
      const item = itemById(m[1]);
      if (!item) return html(res, portal.notFound(), 404);
      return html(res, elementApp.render({ item, basePath: `/govPortals/apply/${item.id}/`, embedded: url.searchParams.has('embed') }));
    }
    if (p === '/govPortals/my/banjian' || p === '/govPortals/my/banjian/') return html(res, logistics.list());
    if (p === '/govPortals/my/banjian/detail') return html(res, logistics.detail(url.searchParams.get('bjbh')));
    return html(res, portal.notFound(), 404);
  }

  async function ywtb(req, res, url, p, method) {
    if (p === '/ac-product-net/common/header.html') return html(res, bootstrapApp.headerFrame());
    if (p === '/__replica/hook/netapply-state.js') return send(res, 200, 'application/javascript; charset=utf-8', bootstrapApp.stateHookJs());
    if (p === '/ac-product-net/netapply/apply.do') {
      const item = itemByCodeOrId(url.searchParams.get('itemCode') || url.searchParams.get('itemId'));
      if (!item) return html(res, bootstrapApp.errorPage('事项编码不存在或事项已停办'), 404);
      return html(res, bootstrapApp.render(item));
    }
    if (p === '/ac-product-net/netapply/submit.do' && method === 'POST') {
      const { fields, files } = await parseBody(req);
      if (files.length) recordUploads(req, host(req), p, files);
      const entry = record(req, host(req), p, fields, { normalized: bootstrapApp.normalize(fields, files) });
      const no = 'YW' + new Date().toISOString().slice(0, 10).replace(/-/g, '') + String(100000 + (++seq)).slice(1);
      return html(res, bootstrapApp.successPage(no, entry));
    }
    if (p === '/' || p === '/ac-product-net/') return html(res, bootstrapApp.errorPage('请从一网通办办事指南页面进入办理'), 404);
    return html(res, bootstrapApp.errorPage('页面不存在'), 404);
  }
  const host = (req) => String(req.headers.host || '').replace(/:\d+$/, '').toLowerCase();

  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    handle(req, res).catch((err) => {
      if (!quiet) console.error(err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', '服务器内部错误');
      else res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;

  const origin = (h = 'zwdt.sh.gov.cn') => {
    const name = String(h).replace(/^https?:\/\//, '').replace(/[:/].*$/, '');
    if (name === 'ywtb.sh.gov.cn') return `https://ywtb.sh.gov.cn:${YWTB_PORT}`;
    if (HOSTS.includes(name)) return `https://${name}`;
    return `https://${name}:${actualPort}`;
  };
  const hostResolverRules = HOSTS.map((h) => `MAP ${h} 127.0.0.1:${actualPort}`).join(', ');

  const replica = {
    port: actualPort,
    origin,
    submissions,
    uploads,
    rejected,
    mode,
    /** e.g. setMode({ sessionExpired: true }) or setMode({ maintenance: true }); reset() clears it. */
    setMode(m) { for (const k of Object.keys(mode)) if (typeof m?.[k] === 'boolean') mode[k] = m[k]; return { ...mode }; },
    cert: pems.cert,
    hostResolverRules,
    chromiumArgs: [`--host-resolver-rules=${hostResolverRules}`, '--ignore-certificate-errors'],
    urls: () => pageUrls(origin),
    reset: resetAll,
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
    },
  };
  return replica;
}

/** Every page of the replica, keyed by a short description. */
export function pageUrls(origin) {
  const z = origin('zwdt.sh.gov.cn');
  const y = origin('ywtb.sh.gov.cn');
  const e = origin('www.example.com');
  const [zb, jb] = ITEMS;
  return {
    '门户首页': `${z}/`,
    '办事指南(职保人员)': `${z}/govPortals/bsfw/item/${zb.id}`,
    '办事指南(居保人员)': `${z}/govPortals/bsfw/item/${jb.id}`,
    'Element 申请(职保人员)': `${z}/govPortals/apply/${zb.id}/basic`,
    'Element 申请(居保人员)': `${z}/govPortals/apply/${jb.id}/basic`,
    'Bootstrap 申请(职保人员)': `${y}/ac-product-net/netapply/apply.do?itemCode=${zb.code}`,
    'Bootstrap 申请(居保人员)': `${y}/ac-product-net/netapply/apply.do?itemCode=${jb.code}`,
    'iframe 内嵌申请(职保人员)': `${z}/govPortals/apply/embed/${zb.id}`,
    'Element 申请，回车即提交(职保人员)': `${z}/govPortals/apply/quick/${zb.id}/basic`,
    '我的办件': `${z}/govPortals/my/banjian`,
    '办件详情/物流申请': `${z}/govPortals/my/banjian/detail?bjbh=${logistics.CASE_NO}`,
    '其他站点(不得处理)': `${e}/`,
    '其他站点申请页(不得处理)': `${e}/apply`,
  };
}
