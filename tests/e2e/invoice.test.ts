/**
 * Invoices end to end (issue 6): the built extension reads a generated invoice photo (QR) and a PDF e-invoice
 * (text layer) in its panel frame, the user edits one value and confirms, and "填入发票信息" adds the rows to
 * both replicas' 发票信息 — the frameworks' own state holds them. Everything but the extension and the
 * replica is unreachable (host-resolver-rules map every other name to nothing) and every request is logged.
 * Failure paths: a non-image file, a 50-megapixel photo, stopping / closing the panel mid-recognition
 * (collapsing it keeps reading).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Frame, type Page } from 'puppeteer-core';
import { HOSTS, ITEM, ROOT, helperFrame, importProfiles, launch, replicaState, type OfflineSession } from './harness';
import { until } from './portal-user';
import { generateOne, CHROMIUM, type InvoiceTruth } from '../invoice-gen/generate';

const ELEMENT_URL = `https://zwdt.sh.gov.cn/govPortals/apply/${ITEM.employee}/basic`;
const BOOTSTRAP_URL = `https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=${ITEM.employee}`;
const VISIT_TEXT = { outpatient: '门诊', emergency: '急诊', inpatient: '住院' } as const;
const READ_TIMEOUT = 180_000;

type Offline = OfflineSession;

/** The harness's session, with every host but the replica's resolving to nothing, and every request logged. */
const launchOffline = (): Promise<Offline> => launch({ offline: true, logRequests: true, protocolTimeout: 240_000 });

async function openPanel(s: Offline, url: string): Promise<{ page: Page; panel: Frame }> {
  const page = await s.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(url, { waitUntil: 'load' });
  const panel = await helperFrame(page, 30_000);
  return { page, panel };
}

/** The Element app's own route to 发票信息 (the replica's Vue root). */
async function elementToInvoiceStep(page: Page) {
  await page.waitForSelector('.el-form-item', { visible: true });
  await page.evaluate(() => (window as unknown as { __replica: { vm: { go(i: number): void } } }).__replica.vm.go(1));
  await page.waitForFunction(() => (window as unknown as { __replica: { state(): { step: string } } }).__replica.state().step === 'invoice');
}

/** The Bootstrap app shows its steps by jQuery: show 发票信息 the way its own show(2) does. */
async function bootstrapToInvoiceStep(page: Page) {
  await page.waitForSelector('#form1');
  await page.evaluate(() => {
    const $ = (window as unknown as { jQuery: (s: string) => { hide(): void; show(): void; removeClass(c: string): { eq(i: number): { addClass(c: string): void } } } }).jQuery;
    $('.step-pane').hide();
    $('#pane2').show();
    $('.step-nav li').removeClass('active').eq(1).addClass('active');
  });
  await page.waitForFunction(() => (window as unknown as { __replica: { state(): { step: string } } }).__replica.state().step === 'invoice');
}

/**
 * Mid-recognition: the image is in its OCR stage and the worker reports progress on the text. The
 * stage spans 0.15 → 0.95 of an image's progress (read-invoice.ts: ocrImage(image, 0.15, 0.95)), and
 * 0.15 itself is only 'starting the recogniser': above it, recognition is under way. (Earlier — still
 * decoding — a stop does not reach the read in progress, which then starts a worker of its own.)
 */
async function recognizing(panel: Frame, workerUp: () => boolean) {
  await panel.waitForFunction(
    () => ((document.querySelector('[data-testid="invoice-progress"][data-status="reading"] progress') as HTMLProgressElement | null)?.value ?? 0) > 0.15,
    { timeout: READ_TIMEOUT },
  );
  await until(async () => workerUp(), 'the OCR worker target');
}

async function reviews(panel: Frame, n: number) {
  await panel.waitForFunction((k) => document.querySelectorAll('[data-testid="invoice-review"]').length >= k, { timeout: READ_TIMEOUT, polling: 500 }, n);
}

async function reviewFor(panel: Frame, file: string) {
  const sel = `[data-testid="invoice-review"][data-file="${file}"]`;
  await panel.waitForSelector(sel, { timeout: READ_TIMEOUT });
  return sel;
}

async function valueOf(panel: Frame, review: string, field: string): Promise<string> {
  return panel.$eval(`${review} [data-field="${field}"]`, (el) => (el as HTMLInputElement).value);
}

/** Types like a person: select all, type, Tab away (the review tidies and validates on leaving). */
async function setValue(panel: Frame, review: string, field: string, value: string) {
  const sel = `${review} [data-field="${field}"]`;
  const tag = await panel.$eval(sel, (el) => el.tagName);
  if (tag === 'SELECT') {
    await panel.select(sel, value);
    return;
  }
  const el = (await panel.$(sel))!;
  await el.click({ clickCount: 3 });
  await el.evaluate((i) => ((i as HTMLInputElement).value = '', i.dispatchEvent(new Event('input', { bubbles: true }))));
  await el.type(value);
  await el.press('Tab');
}

const ROW_FIELDS = ['invoiceCode', 'invoiceNumber', 'issueDate', 'visitType', 'hospital', 'totalAmount'] as const;

/** Makes the row fields equal the truth (what a careful user does); returns which ones had to be corrected. */
async function correct(panel: Frame, review: string, truth: InvoiceTruth): Promise<string[]> {
  const fixed: string[] = [];
  for (const f of ROW_FIELDS) {
    const want = String(truth[f] ?? '');
    if ((await valueOf(panel, review, f)) !== want) {
      await setValue(panel, review, f, want);
      fixed.push(f);
    }
  }
  if (truth.visitType === 'inpatient' && truth.hospitalizationPeriod) {
    const want = `${truth.hospitalizationPeriod[0]} 至 ${truth.hospitalizationPeriod[1]}`;
    if ((await valueOf(panel, review, 'hospitalizationPeriod')) !== want) {
      await setValue(panel, review, 'hospitalizationPeriod', want);
      fixed.push('hospitalizationPeriod');
    }
  }
  return fixed;
}

async function confirm(panel: Frame, review: string) {
  await panel.waitForFunction((s) => !(document.querySelector(`${s} [data-testid="invoice-confirm"]`) as HTMLInputElement).disabled, {}, review);
  await panel.click(`${review} [data-testid="invoice-confirm"]`);
  await panel.waitForFunction((s) => (document.querySelector(`${s} [data-testid="invoice-confirm"]`) as HTMLInputElement).checked, {}, review);
}

async function fillRows(panel: Frame): Promise<string> {
  await panel.waitForSelector('[data-testid="invoice-fill-button"]:not([disabled])');
  await panel.click('[data-testid="invoice-fill-button"]');
  await panel.waitForSelector('[data-testid="invoice-fill-report"]', { timeout: 60_000 });
  return panel.$eval('[data-testid="invoice-fill-report"]', (el) => (el as HTMLElement).innerText);
}

function expectRow(rows: Array<Record<string, unknown>>, truth: InvoiceTruth) {
  const row = rows.find((r) => r.number === truth.invoiceNumber);
  assert.ok(row, `row ${truth.invoiceNumber} in ${JSON.stringify(rows)}`);
  assert.equal(row.code, truth.invoiceCode);
  assert.equal(row.date, truth.issueDate);
  assert.equal(row.type, VISIT_TEXT[truth.visitType!]);
  assert.equal(row.hospital, truth.hospital);
  assert.equal(row.amount, truth.totalAmount);
  if (truth.visitType === 'inpatient') assert.deepEqual(row.inpatientRange, truth.hospitalizationPeriod);
}

/** Allowed: the extension itself, the replica's hosts, and in-memory URLs. */
function foreign(requests: string[]): string[] {
  const ok = (u: string) => /^(chrome-extension|data|blob|about|chrome):/.test(u) || HOSTS.some((h) => new URL(u).hostname === h);
  return [...new Set(requests.filter((u) => !ok(u)))];
}

describe('invoices through the extension (offline)', () => {
  let s: Offline;
  let dir: string;
  let photo: { file: string; truth: InvoiceTruth };
  let pdf: { file: string; truth: InvoiceTruth };
  let ocrOnly: { file: string; truth: InvoiceTruth };
  let notInvoice: string;
  let big: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zwdt-inv-files-'));
    // Our own generator browser (fresh profile removed after close — not in a 'disconnected' handler).
    const genProfile = mkdtempSync(join(tmpdir(), 'zwdt-inv-gen-'));
    const gen = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', `--user-data-dir=${genProfile}`] });
    try {
      // Clean photo with the national QR (code, number, check code, amount, date are exact from it).
      const a = await generateOne({ template: 'sh-outpatient', seed: 1, outDir: dir, pdf: false, browser: gen });
      photo = { file: a.image, truth: a.truth };
      // PDF e-invoice with a text layer, inpatient (住院起止日期 in the row dialog).
      const b = await generateOne({ template: 'sh-inpatient', seed: 2, outDir: dir, pdf: true, browser: gen });
      pdf = { file: b.pdf!, truth: b.truth };
      // A clean photo without QR: every value comes from OCR.
      const c = await generateOne({ template: 'sh-outpatient', seed: 2, outDir: dir, pdf: false, browser: gen });
      ocrOnly = { file: c.image, truth: c.truth };
      // A 50-megapixel photo: the same invoice enlarged to 8660×5774 in a canvas, saved as JPEG.
      const page = await gen.newPage();
      const b64 = (await import('node:fs')).readFileSync(a.image).toString('base64');
      const jpeg = await page.evaluate(async (src: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${src}`;
        await img.decode();
        const c = new OffscreenCanvas(8660, 5774);
        const ctx = c.getContext('2d')!;
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, c.width, c.height);
        const scale = Math.min(c.width / img.width, c.height / img.height);
        ctx.drawImage(img, (c.width - img.width * scale) / 2, (c.height - img.height * scale) / 2, img.width * scale, img.height * scale);
        const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let out = '';
        for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(out);
      }, b64);
      big = join(dir, 'big-50mp.jpg');
      writeFileSync(big, Buffer.from(jpeg, 'base64'));
    } finally {
      await gen.close();
      rmSync(genProfile, { recursive: true, force: true, maxRetries: 5 });
    }
    notInvoice = join(dir, '说明.txt');
    writeFileSync(notInvoice, '这不是发票，只是一段文字。\n');
    s = await launchOffline();
  });

  after(async () => {
    await s?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('Element: reads a photo (QR) and a PDF offline, a non-image file is refused, one value edited, rows filled once', async () => {
    const { page, panel } = await openPanel(s, ELEMENT_URL);
    await elementToInvoiceStep(page);
    const input = await panel.waitForSelector('input[type=file][data-testid="invoice-file-input"]');
    // Opening the file dialog starts the OCR worker ahead of the files (a click without a user gesture opens no
    // dialog here, but reaches the handler): a tesseract worker script is running before any file is chosen.
    const workers = () => s.browser.targets().filter((t) => /\/ocr\/worker\.min\.js/.test(t.url())).length;
    assert.equal(workers(), 0);
    await input!.evaluate((el) => el.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    await until(async () => workers() > 0, 'the OCR worker started on opening the file dialog', 30_000);
    await input!.uploadFile(photo.file, notInvoice, pdf.file);

    // The non-image file gets a clear message; the others continue.
    await panel.waitForSelector('[data-testid="invoice-progress"][data-file="说明.txt"] [data-testid="invoice-error"]', { timeout: READ_TIMEOUT });
    const err = await panel.$eval('[data-testid="invoice-progress"][data-file="说明.txt"] [data-testid="invoice-error"]', (e) => (e as HTMLElement).innerText);
    assert.match(err, /无法识别这种文件|没有找到发票/);
    await reviews(panel, 2);

    const photoName = photo.file.split('/').pop()!;
    const pdfName = pdf.file.split('/').pop()!;
    const rPhoto = await reviewFor(panel, photoName);
    const rPdf = await reviewFor(panel, pdfName);

    // QR values are exact and shown as such; PDF text values too.
    for (const f of ['invoiceCode', 'invoiceNumber', 'checkCode', 'issueDate', 'totalAmount'] as const) {
      assert.equal(await valueOf(panel, rPhoto, f), String(photo.truth[f]), `photo ${f}`);
    }
    assert.match(await panel.$eval(`${rPhoto} [data-field-row="invoiceNumber"] .source`, (e) => (e as HTMLElement).innerText), /二维码/);
    for (const f of ['invoiceCode', 'invoiceNumber', 'issueDate', 'totalAmount', 'hospital'] as const) {
      assert.equal(await valueOf(panel, rPdf, f), String(pdf.truth[f]), `pdf ${f}`);
    }
    assert.match(await panel.$eval(`${rPdf} [data-field-row="invoiceNumber"] .source`, (e) => (e as HTMLElement).innerText), /PDF/);
    // The picture beside the fields, with the boxes where values were read.
    assert.ok(await panel.$(`${rPhoto} .invoice-picture img`), 'photo shown');
    assert.ok(await panel.$(`${rPdf} .invoice-picture img`), 'PDF page 1 rendered');

    // Validation: a wrong date is refused and blocks the confirmation, until corrected.
    await setValue(panel, rPdf, 'issueDate', '2023-02-30');
    assert.match(await panel.$eval(`${rPdf} [data-field-row="issueDate"] .error`, (e) => (e as HTMLElement).innerText), /日期/);
    assert.equal(await panel.$eval(`${rPdf} [data-testid="invoice-confirm"]`, (e) => (e as HTMLInputElement).disabled), true);
    await setValue(panel, rPdf, 'issueDate', pdf.truth.issueDate!);

    // One value edited in review (the user writes the hospital their own way), the rest corrected to the truth.
    const edited = { ...photo.truth, hospital: `${photo.truth.hospital}（门诊部）` };
    await setValue(panel, rPhoto, 'hospital', edited.hospital);
    assert.match(await panel.$eval(`${rPhoto} [data-field-row="hospital"] .source`, (e) => (e as HTMLElement).innerText), /您填写/);
    const fixedPhoto = await correct(panel, rPhoto, edited);
    const fixedPdf = await correct(panel, rPdf, pdf.truth);
    console.log(`  corrections needed — photo: [${fixedPhoto.join(', ')}], pdf: [${fixedPdf.join(', ')}]`);

    // Nothing is filled without the user's confirmation.
    assert.equal(await panel.$eval('[data-testid="invoice-fill-button"]', (e) => (e as HTMLButtonElement).disabled), true);
    await confirm(panel, rPhoto);
    await confirm(panel, rPdf);
    const report = await fillRows(panel);
    assert.match(report, /已新增 2 条/);
    const { invoices, step } = await replicaState(page);
    assert.equal(invoices.length, 2);
    expectRow(invoices, edited);
    expectRow(invoices, pdf.truth);
    assert.equal(step, 'invoice', 'the helper never moves on');

    // Same 票据号码 again: not added twice.
    await input!.uploadFile(pdf.file);
    await panel.waitForSelector('[data-testid="invoice-duplicate"]', { timeout: READ_TIMEOUT });
    assert.equal((await replicaState(page)).invoices.length, 2);

    assert.deepEqual(s.replica.submissions, []);
    assert.deepEqual(foreign(s.requests), [], 'nothing but the extension and the replica was requested');
    assert.ok(s.requests.some((u) => u.includes('/ocr/lang/chi_sim.traineddata.gz')), 'the bundled language data was used');
    await page.close();
  });

  it('Bootstrap: the draft\'s invoices come back unconfirmed and, already filled, are not filled again; a photo read by OCR alone is filled into the jQuery form', async () => {
    const { page, panel } = await openPanel(s, BOOTSTRAP_URL);
    await bootstrapToInvoiceStep(page);
    // The review is kept with the application draft (same item and person, no application number shown):
    // the invoices come back without reading again, UNconfirmed, marked as filled before (issue 10 item 4);
    // their pictures were never stored (「保留发票图片」 is off).
    await reviews(panel, 2);
    const rPhoto = await reviewFor(panel, photo.file.split('/').pop()!);
    assert.ok(await panel.$(`${rPhoto} .invoice-nopreview`), 'the picture was not kept');
    assert.equal(await valueOf(panel, rPhoto, 'hospital'), `${photo.truth.hospital}（门诊部）`);
    assert.equal(await panel.$$eval('[data-testid="invoice-confirm"]:checked', (els) => els.length), 0, 'restored unconfirmed');
    assert.equal(await panel.$$eval('[data-testid="invoice-filled"]', (els) => els.length), 2, 'marked as filled before');
    // The PDF's row is wanted again (the earlier application's rows are not on this page): removed from
    // the review (both copies: it was chosen twice) and read again, it is a new invoice to fill.
    const rPdfOld = await reviewFor(panel, pdf.file.split('/').pop()!);
    await panel.$$eval(`${rPdfOld} button.link`, (bs) => bs.forEach((b) => (b as HTMLButtonElement).click())); // 移除
    await panel.waitForFunction((sel) => !document.querySelector(sel), {}, rPdfOld);
    const input0 = await panel.waitForSelector('input[type=file][data-testid="invoice-file-input"]');
    await input0!.uploadFile(pdf.file);
    const rPdf = await reviewFor(panel, pdf.file.split('/').pop()!);
    await correct(panel, rPdf, pdf.truth);
    await confirm(panel, rPdf);

    // A photo without QR: OCR only. The user corrects what was misread (logged), then confirms.
    const input = await panel.waitForSelector('input[type=file][data-testid="invoice-file-input"]');
    await input!.uploadFile(ocrOnly.file);
    const rOcr = await reviewFor(panel, ocrOnly.file.split('/').pop()!);
    assert.match(await panel.$eval(`${rOcr} [data-field-row="invoiceNumber"] .source`, (e) => (e as HTMLElement).innerText), /识别|您填写/);
    const fixed = await correct(panel, rOcr, ocrOnly.truth);
    console.log(`  OCR-only photo: corrections needed [${fixed.join(', ')}]`);
    await confirm(panel, rOcr);

    const report = await fillRows(panel);
    console.log(`  fill report: ${report.replace(/\n+/g, ' | ')}`);
    assert.match(report, /已新增 2 条/);
    const { invoices } = await replicaState(page);
    assert.equal(invoices.length, 2, 'the photo filled before was not added again');
    expectRow(invoices, pdf.truth);
    expectRow(invoices, ocrOnly.truth);
    const hidden = await page.$$eval('#tbFp input[type=hidden]', (els) => els.map((e) => (e as HTMLInputElement).value));
    assert.ok(hidden.includes(pdf.truth.invoiceNumber!), 'the posted hidden fields hold the number');
    assert.ok(hidden.includes(pdf.truth.hospitalizationPeriod![0]) && hidden.includes(pdf.truth.hospitalizationPeriod![1]), '入院 / 出院 each in its own field');
    // Nothing left to add: the photo filled before stays unfilled, the rest is on the page.
    await panel.waitForSelector('[data-testid="invoice-fill-button"][disabled]', { timeout: 10_000 });
    assert.equal((await replicaState(page)).invoices.length, 2);
    assert.deepEqual(s.replica.submissions, []);
    assert.deepEqual(foreign(s.requests), []);
    await page.close();
  });

  it('the 报销人 chosen in the panel: a 交款人 read one character away from their name shows their name, marked, with what was read', async () => {
    const read = ocrOnly.truth.payerName ?? '';
    assert.ok(Array.from(read).length >= 3, `the OCR-only photo's payer has three characters or more (${read})`);
    // the profile's name differs from the printed one in its last character: what an OCR slip looks like
    const chars = Array.from(read);
    const claimantName = [...chars.slice(0, -1), chars.at(-1) === '华' ? '伟' : '华'].join('');
    const demo = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/profiles.demo.json'), 'utf8'));
    const one = { ...demo.profiles[0], id: 'inv-payer', displayName: '发票上的人', name: claimantName };
    await importProfiles(s, JSON.stringify({ ...demo, profiles: [one] }));

    const { page, panel } = await openPanel(s, `https://zwdt.sh.gov.cn/govPortals/apply/${ITEM.resident}/basic`);
    await panel.waitForSelector('[data-testid="claimant-select"] option[value="inv-payer"]');
    await panel.select('[data-testid="claimant-select"]', 'inv-payer');
    await elementToInvoiceStep(page);
    const input = await panel.waitForSelector('input[type=file][data-testid="invoice-file-input"]');
    await input!.uploadFile(ocrOnly.file);
    const r = await reviewFor(panel, ocrOnly.file.split('/').pop()!);
    assert.equal(await valueOf(panel, r, 'payerName'), claimantName);
    const notes = await panel.$eval(r, (el) => (el as HTMLElement).innerText);
    assert.ok(notes.includes(read) && notes.includes(claimantName), `the review says what was read: ${notes}`);
    // marked ⚠ 请核对
    assert.ok(await panel.$eval(`${r} [data-field-row="payerName"]`, (el) => el.classList.contains('low') && !!el.querySelector('.check-mark')));
    assert.deepEqual(foreign(s.requests), []);
    await page.close();
  });

  it('a 50-megapixel photo is downscaled and read; collapsing keeps reading; 停止识别 and removing the frame mid-recognition end the worker, the page stays usable', async () => {
    const { page, panel } = await openPanel(s, `https://zwdt.sh.gov.cn/govPortals/apply/${ITEM.resident}/basic`);
    await elementToInvoiceStep(page);
    const input = await panel.waitForSelector('input[type=file][data-testid="invoice-file-input"]');
    await input!.uploadFile(big);
    const rBig = await reviewFor(panel, 'big-50mp.jpg');
    assert.equal(await valueOf(panel, rBig, 'invoiceNumber'), photo.truth.invoiceNumber);
    assert.equal(await valueOf(panel, rBig, 'invoiceCode'), photo.truth.invoiceCode);

    // Collapsing the panel (the page does so when the user clicks into the form) does not lose the reading.
    const workerUp = () => s.browser.targets().some((t) => t.url().includes('/ocr/worker.min.js'));
    await input!.uploadFile(ocrOnly.file);
    await panel.waitForSelector('[data-testid="invoice-progress"][data-status="reading"]', { timeout: 60_000 });
    await panel.click('[data-testid="panel-collapse"]');
    const frame = await helperFrame(page);
    await (await frame.waitForSelector('[data-testid="panel-expand"]'))!.click();
    await frame.waitForSelector(`[data-testid="invoice-review"][data-file="${ocrOnly.file.split('/').pop()}"]`, { timeout: READ_TIMEOUT });

    // 停止识别 mid-recognition: the worker is terminated, the file says it was stopped, the rest stays.
    const input2 = await frame.waitForSelector('input[type=file][data-testid="invoice-file-input"]');
    // Two files, so the button is there for two readings: a single warm reading can end between finding the
    // button and clicking it (seen once in CI). The click happens in the frame, in the same task that finds it.
    await input2!.uploadFile(photo.file, ocrOnly.file);
    await recognizing(frame, workerUp);
    await frame.waitForFunction(() => {
      const stop = document.querySelector<HTMLButtonElement>('[data-testid="invoice-stop"]');
      if (!stop || !document.querySelector('[data-testid="invoice-progress"][data-status="reading"]')) return false;
      stop.click();
      return true;
    });
    await until(async () => !workerUp(), 'the OCR worker to be terminated');
    await frame.waitForSelector('[data-testid="invoice-progress"][data-status="cancelled"]');
    await frame.waitForSelector('[data-testid="invoice-review"][data-file="big-50mp.jpg"]');
    // The page still works: its own 新增 opens its dialog; nothing was added.
    await page.evaluate(() => (window as unknown as { __replica: { vm: { openInvoice(): void } } }).__replica.vm.openInvoice());
    await page.waitForSelector('.el-dialog__wrapper .el-dialog', { visible: true });
    const st = await replicaState(page);
    assert.equal(st.step, 'invoice');
    assert.equal(st.invoices.length, 0, 'nothing was added');

    // Closed for good mid-recognition: the frame is removed from the page (what a page script or a
    // navigation does) — the worker goes with it and the page is unharmed.
    await page.keyboard.press('Escape'); // the page's own dialog from above
    const again = await frame.waitForSelector('input[type=file][data-testid="invoice-file-input"]');
    await again!.uploadFile(ocrOnly.file);
    await recognizing(frame, workerUp);
    await page.evaluate(() => document.querySelector('zwdt-reimburse-helper')?.remove());
    await until(async () => !workerUp(), 'the OCR worker to end with its frame');
    assert.equal((await replicaState(page)).invoices.length, 0);
    assert.deepEqual(s.replica.submissions, []);
    assert.deepEqual(foreign(s.requests), []);
    await page.close();
  });
});
