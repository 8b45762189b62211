/**
 * A person using the replica's pages: clicking, typing, choosing from Element's dropdowns and
 * pickers, Bootstrap's modal. Every wait is on the page's state (a dropdown finished opening, a
 * value shown, a panel closed), never on time, so the same steps hold on an idle machine and on
 * two cores under load.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';

export type Ctx = Page | Frame;

/**
 * Polls `check` until it returns a truthy value (a condition on the extension's or the replica's
 * state that no page event announces, e.g. a record in the background's database).
 */
export async function until<T>(check: () => Promise<T | null | undefined | false>, what: string, timeout = 60_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100)); // the poll interval, not a wait for the page
  }
}

/**
 * `page.waitForFunction` on whatever the page's main frame is. Seen once in the repeated runs under
 * load: right after a fresh tab's first navigation puppeteer lost the page's session and re-attached
 * (FrameManager onClientDisconnect), ending a wait on the old main frame with "frame got detached" —
 * the page itself was fine. The condition is then asked again on the current main frame (twice at most).
 */
export async function onPage(page: Page, fn: () => unknown): Promise<void> {
  for (let tries = 0; ; tries++) {
    try {
      await page.waitForFunction(fn);
      return;
    } catch (err) {
      if (page.isClosed() || tries >= 2 || !/detached/i.test(String(err))) throw err;
    }
  }
}

/** The visible `.el-form-item` whose own label reads `label` (without spaces and colons). */
export async function elItem(ctx: Ctx, label: string, root = 'body'): Promise<ElementHandle<Element>> {
  const h = await ctx.waitForFunction(
    (label: string, root: string) => {
      const items = [...document.querySelectorAll(`${root} .el-form-item`)] as HTMLElement[];
      return (
        items.find((it) => {
          const l = it.querySelector(':scope > .el-form-item__label');
          return l && l.textContent!.replace(/[\s:：]/g, '') === label && it.offsetParent !== null;
        }) || null
      );
    },
    {},
    label,
    root,
  );
  return h.asElement() as ElementHandle<Element>;
}

export async function elType(ctx: Ctx, label: string, text: string, root?: string) {
  const item = await elItem(ctx, label, root);
  const input = (await item.$('input, textarea'))!;
  await input.click({ count: 3 });
  await input.evaluate((e) => (e as HTMLInputElement).select());
  await input.type(text);
  await input.evaluate((e) => (e as HTMLElement).blur());
}

export async function elRadio(ctx: Ctx, label: string, option: string, root?: string) {
  const item = await elItem(ctx, label, root);
  for (const r of await item.$$('.el-radio')) {
    if ((await r.evaluate((e) => e.textContent!.trim())) === option) {
      await r.click();
      await ctx.waitForFunction((el: Element) => el.classList.contains('is-checked'), {}, r);
      return;
    }
  }
  throw new Error(`no radio ${option} in ${label}`);
}

/**
 * The visible element matching `selector` whose text is `text`, once no Vue transition
 * (`*-enter-active`, `*-leave-to` …) runs on it or an ancestor (a dropdown still zooming in); clicked.
 */
export async function clickVisible(ctx: Ctx, selector: string, text: string) {
  const h = await ctx.waitForFunction(
    // (no named helpers in here: tsx would wrap them in a `__name` the page does not have)
    (selector: string, text: string) =>
      ([...document.querySelectorAll(selector)] as HTMLElement[]).find((e) => {
        if (e.textContent!.trim() !== text || e.offsetParent === null || getComputedStyle(e).visibility === 'hidden') return false;
        for (let x: Element | null = e; x && x !== document.documentElement; x = x.parentElement) {
          if ([...x.classList].some((c) => /-(enter|leave)(-active|-to)?$/.test(c))) return false;
        }
        return true;
      }) || null,
    {},
    selector,
    text,
  );
  await (h.asElement() as ElementHandle<Element>).click();
}

export const button = (ctx: Ctx, text: string) => clickVisible(ctx, 'button', text);

/** No Element dropdown / picker popper is open or moving (they close with a leave transition). */
async function poppersClosed(ctx: Ctx, selector: string) {
  await ctx.waitForFunction(
    (selector: string) => ([...document.querySelectorAll(selector)] as HTMLElement[]).every((p) => getComputedStyle(p).display === 'none' || !p.isConnected),
    {},
    selector,
  );
}

export async function elSelect(ctx: Ctx, label: string, option: string, root?: string) {
  const item = await elItem(ctx, label, root);
  await (await item.$('.el-select'))!.click();
  await clickVisible(ctx, '.el-select-dropdown__item', option); // waits for the dropdown to finish opening
  await ctx.waitForFunction((el: Element, option: string) => (el.querySelector('.el-select input') as HTMLInputElement).value === option, {}, item, option);
  await poppersClosed(ctx, '.el-select-dropdown');
}

export async function elCascader(ctx: Ctx, label: string, path: string[]) {
  const item = await elItem(ctx, label);
  await (await item.$('.el-cascader'))!.click();
  for (const p of path) await clickVisible(ctx, '.el-cascader-node', p); // each level appears when its parent is chosen
  await ctx.waitForFunction((el: Element, last: string) => (el.querySelector('.el-cascader input') as HTMLInputElement).value.endsWith(last), {}, item, path[path.length - 1]!);
  await poppersClosed(ctx, '.el-cascader__dropdown');
}

/** Types a date into an Element date picker and presses Enter, as a person does; waits until the picker took it and closed. */
export async function elDate(ctx: Ctx, label: string, date: string, root?: string) {
  const item = await elItem(ctx, label, root);
  const input = (await item.$('input'))!;
  await input.click();
  await input.type(date);
  await input.press('Enter');
  await ctx.waitForFunction((el: HTMLInputElement, date: string) => el.value === date && document.activeElement !== el, {}, input, date);
  await poppersClosed(ctx, '.el-picker-panel');
}

/** An Element daterange: the start, Tab, the end, Enter. */
export async function elDateRange(ctx: Ctx, page: Page, label: string, start: string, end: string, root?: string) {
  const range = await elItem(ctx, label, root);
  const [a, b] = await range.$$('input.el-range-input');
  await a!.click();
  await a!.type(start);
  await page.keyboard.press('Tab');
  await b!.click();
  await b!.type(end);
  await page.keyboard.press('Enter');
  await ctx.waitForFunction((x: HTMLInputElement, y: HTMLInputElement, s: string, e: string) => x.value === s && y.value === e, {}, a!, b!, start, end);
  await poppersClosed(ctx, '.el-picker-panel');
}

/** 基本信息 of the Element application, as a person fills it (委托人办理 adds the 委托人). */
export async function elBasic(page: Ctx, o: { delegated?: boolean; cascader?: string[]; detail: string }) {
  await elRadio(page, '办理方式', o.delegated ? '委托人办理' : '本人办理');
  await elType(page, '报销人姓名', '张建国');
  await elType(page, '报销人身份证号', '310117197502140035');
  if (o.delegated) {
    await elType(page, '委托人姓名', '张小明');
    await elType(page, '委托人身份证号', '31011720000101001X');
  }
  await elType(page, '手机号码', '13912345678');
  await elDate(page, '申请日期', '2026-11-20');
  await elSelect(page, '开户银行', '上海农商银行');
  await elType(page, '银行卡号（报销人本人）', '6228480000123456789');
  if (o.cascader) await elCascader(page, '邮寄地址', o.cascader);
  await elType(page, '详细地址', o.detail);
}

/** The Element dialog (新增发票信息, 物流申请) is open and done animating. */
export async function elDialogOpen(ctx: Ctx) {
  await ctx.waitForSelector('.el-dialog__wrapper .el-dialog', { visible: true });
  await ctx.waitForFunction(() =>
    ([...document.querySelectorAll('.el-dialog__wrapper')] as HTMLElement[]).some(
      (w) => getComputedStyle(w).display !== 'none' && ![...w.classList].some((c) => /-(enter|leave)(-active|-to)?$/.test(c)),
    ),
  );
}

/** Bootstrap's modal (`#id`) is shown and its fade-in transition has ended. */
export async function bsModalOpen(ctx: Ctx, id: string) {
  await ctx.waitForSelector(`#${id}.in`, { visible: true });
  await ctx.waitForFunction(
    (id: string) => {
      const m = document.getElementById(id)!;
      const t = getComputedStyle(m.querySelector('.modal-dialog')!).transform;
      return getComputedStyle(m).opacity === '1' && (t === 'none' || t === 'matrix(1, 0, 0, 1, 0, 0)');
    },
    {},
    id,
  );
}

// ---------------- files a person chooses ----------------

/** A 1×1 PNG under each name (materials to choose) in a fresh directory; `remove()` deletes it. */
export function materialFiles(names: string[]): { dir: string; path: Record<string, string>; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'zwdt-e2e-files-'));
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const path: Record<string, string> = {};
  for (const n of names) {
    path[n] = join(dir, n);
    writeFileSync(path[n], png);
  }
  return { dir, path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// ---------------- the Bootstrap / jQuery application (ywtb:18018) ----------------

export async function bsBasic(page: Page, o: { delegated?: boolean; district: string; detail: string; idNumber?: string }) {
  await page.click(o.delegated ? 'label.radio-inline:nth-of-type(2)' : 'label.radio-inline:nth-of-type(1)');
  await page.type('#i_0192', '王桂兰');
  await page.type('#i_0193', o.idNumber ?? '310117194805120026');
  if (o.delegated) {
    await page.type('#i_0195', '王小红');
    await page.type('#i_0196', '310117197603044422');
  }
  await page.type('#i_0201', '13600001111');
  await page.type('#i_0205', '2026-09-03');
  await page.select('select[name=f_0207]', '301');
  await page.type('input[name=f_0208]', '6222600000001111');
  await bsAddress(page, o.district, o.detail);
}

export async function bsAddress(page: Page, district: string, detail: string) {
  await page.select('select[name=f_0211]', district);
  await page.focus('input[name=f_0212]'); // focus, not click: the helper's panel may sit over the right column
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.type('input[name=f_0212]', detail);
  await page.waitForFunction((d: string) => (document.querySelector('input[name=f_0212]') as HTMLInputElement).value === d, {}, detail);
}

/** 新增 → the Bootstrap modal 新增发票 → 确定; waits for the new row. */
export async function bsInvoice(page: Page, number: string, type: '11' | '12' | '21') {
  await page.click('#btnAddFp');
  await bsModalOpen(page, 'fpModal');
  await page.type('#fpModal [name=f_0311]', type === '21' ? '31060221' : '31060121');
  await page.type('#fpModal [name=f_0312]', number);
  await page.type('#fpModal [name=f_0313]', '2026-09-03');
  await page.select('#fpModal [name=f_0314]', type);
  await page.type('#fpModal [name=f_0315]', '上海市松江区中心医院');
  await page.type('#fpModal [name=f_0316]', '512.30');
  if (type === '21') {
    await page.type('#fpModal [name=f_0317]', '2026-08-20');
    await page.type('#fpModal [name=f_0318]', '2026-08-30');
  }
  const before = await page.$$eval('#tbFp tr.fp-row', (r) => r.length);
  await page.click('#btnFpOk');
  await page.waitForSelector('#fpModal', { hidden: true });
  await page.waitForSelector('.modal-backdrop', { hidden: true });
  await page.waitForFunction((n: number) => document.querySelectorAll('#tbFp tr.fp-row').length === n, {}, before + 1);
}

/** Chooses files for the Bootstrap materials (`f_0401` … by input name); waits until the page lists them. */
export async function bsChoose(page: Page, chosen: Record<string, string>) {
  for (const [name, file] of Object.entries(chosen)) {
    const input = (await page.$(`input[type=file][name=${name}]`)) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    const base = file.split('/').pop()!;
    await page.waitForFunction((i: Element, b: string) => [...i.parentElement!.querySelectorAll('ul.file-names li')].some((li) => li.textContent!.includes(b)), {}, input, base);
  }
}
