import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installGuard, type GuardHandle, type GuardEvent } from '@/utils/guard/intercept';
import { installAddressNotes } from '@/utils/guard/live-address';

const slot = (label: string, files: string[]) =>
  `<tr><td>${label}</td><td><input type="file"><ul>${files.map((f) => `<li>${f}</li>`).join('')}</ul></td></tr>`;

function page(opts: { bank?: boolean } = {}) {
  document.body.innerHTML = `
  <form id="f" action="/submit" method="post">
    <div class="form-group"><label class="control-label" for="name">报销人姓名</label><input id="name" value="张建国"></div>
    <table class="materials"><thead><tr><th>材料名称</th><th>上传</th></tr></thead><tbody>
      ${slot('银行卡', opts.bank === false ? [] : ['bank.jpg'])}
      ${slot('社保卡', ['sbk.jpg'])}
      ${slot('身份证', ['id.jpg'])}
    </tbody></table>
    <div class="actions">
      <button type="button" id="next" class="el-button"><span>下一步</span></button>
      <button type="button" id="save">暂存</button>
      <button type="submit" id="submit">提 交</button>
    </div>
  </form>
  <div class="el-dialog__wrapper"><div role="dialog" class="el-dialog"><div class="el-dialog__header"><span class="el-dialog__title">新增发票信息</span></div>
    <div class="el-dialog__body"><input value="1"></div><button type="button" id="dlg-ok"><span>确 定</span></button></div></div>
  <div class="el-message-box__wrapper"><div role="dialog" class="el-message-box"><div class="el-message-box__title"><span>提示</span></div>
    <div class="el-message-box__message">确认提交申请吗？</div><button type="button" id="box-ok">确定</button></div></div>`;
}

const modal = () => document.querySelector('[data-zwdt-guard="modal"]')?.shadowRoot ?? null;
const q = (sel: string) => modal()?.querySelector<HTMLElement>(sel) ?? null;
const flush = () => new Promise((r) => setTimeout(r, 0));

let guard: GuardHandle | null = null;
let events: GuardEvent[] = [];
let submits = 0;
let clicks: string[] = [];

async function install() {
  events = [];
  guard = installGuard({ root: document, getContext: async () => ({ history: [] }), onFindings: (e) => events.push(e), liveAddress: false });
  await flush();
}

beforeEach(() => {
  submits = 0;
  clicks = [];
});
afterEach(() => {
  guard?.dispose();
  guard = null;
  document.body.innerHTML = '';
});

function listen() {
  const form = document.getElementById('f') as HTMLFormElement;
  form.addEventListener('submit', (e) => {
    e.preventDefault(); // the "server" is this counter
    submits++;
  });
  for (const id of ['next', 'submit', 'dlg-ok', 'box-ok', 'save']) document.getElementById(id)?.addEventListener('click', () => clicks.push(id));
}

describe('installGuard', () => {
  it('a clean application passes untouched: no modal, the page gets its click and its submit', async () => {
    page();
    listen();
    await install();
    document.getElementById('next')!.click();
    document.getElementById('submit')!.click();
    expect(modal()).toBeNull();
    expect(clicks).toEqual(['next', 'submit']);
    expect(submits).toBe(1);
  });

  it('findings stop the click in the capture phase and show the modal, 返回修改 focused', async () => {
    page({ bank: false });
    listen();
    await install();
    const span = document.querySelector('#next span') as HTMLElement;
    const ev = new MouseEvent('click', { bubbles: true, cancelable: true });
    span.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(true);
    expect(clicks).toEqual([]);
    expect(q('[data-testid="submit-warnings"]')?.getAttribute('role')).toBe('dialog');
    expect(q('[data-testid="submit-warnings"]')?.getAttribute('aria-modal')).toBe('true');
    expect([...modal()!.querySelectorAll('[data-warning-code]')].map((e) => e.getAttribute('data-warning-code'))).toEqual(['missing-bank-card']);
    expect(modal()!.activeElement).toBe(q('[data-testid="warnings-back"]'));
    expect(events.map((e) => [e.action, e.decision])).toEqual([['下一步', 'shown']]);
  });

  it('返回修改 closes the modal and does nothing else', async () => {
    page({ bank: false });
    listen();
    await install();
    document.getElementById('submit')!.click();
    q('[data-testid="warnings-back"]')!.click();
    await flush();
    expect(modal()).toBeNull();
    expect(clicks).toEqual([]);
    expect(submits).toBe(0);
    expect(events.map((e) => e.decision)).toEqual(['shown', 'back']);
  });

  it('仍然继续 replays the original click exactly once (and its form submit)', async () => {
    page({ bank: false });
    listen();
    await install();
    document.getElementById('submit')!.click();
    expect(submits).toBe(0);
    q('[data-testid="warnings-continue"]')!.click();
    await flush();
    expect(modal()).toBeNull();
    expect(clicks).toEqual(['submit']);
    expect(submits).toBe(1);
    await flush();
    expect(submits).toBe(1);
    // the next click is checked again
    document.getElementById('next')!.click();
    expect(modal()).not.toBeNull();
    expect(clicks).toEqual(['submit']);
  });

  it('Esc = 返回修改; Tab stays between the two buttons', async () => {
    page({ bank: false });
    listen();
    await install();
    document.getElementById('next')!.click();
    const dialog = q('[data-testid="submit-warnings"]')!;
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    expect(modal()!.activeElement).toBe(q('[data-testid="warnings-continue"]'));
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    expect(modal()!.activeElement).toBe(q('[data-testid="warnings-back"]'));
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(modal()).toBeNull();
    expect(clicks).toEqual([]);
  });

  it('a form submit (Enter in a field) is checked; 仍然继续 requests the submit once', async () => {
    page({ bank: false });
    listen();
    await install();
    const form = document.getElementById('f') as HTMLFormElement;
    const ev = new SubmitEvent('submit', { bubbles: true, cancelable: true, submitter: document.getElementById('submit') });
    form.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(true);
    expect(submits).toBe(0);
    const spy = vi.spyOn(form, 'requestSubmit');
    q('[data-testid="warnings-continue"]')!.click();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![0]).toBe(document.getElementById('submit'));
    expect(submits).toBe(1);
  });

  it('the 确定 of 新增发票 and unrelated buttons are not intercepted; a submit confirmation is', async () => {
    page({ bank: false });
    listen();
    await install();
    document.getElementById('dlg-ok')!.click();
    document.getElementById('save')!.click();
    expect(modal()).toBeNull();
    expect(clicks).toEqual(['dlg-ok', 'save']);
    document.getElementById('box-ok')!.click();
    expect(modal()).not.toBeNull();
    // after 仍然继续 on 提交, the page's own 确定 that follows is not asked again
    q('[data-testid="warnings-continue"]')!.click();
    expect(clicks).toEqual(['dlg-ok', 'save', 'box-ok']);
    document.getElementById('box-ok')!.click();
    expect(modal()).toBeNull();
    expect(clicks).toEqual(['dlg-ok', 'save', 'box-ok', 'box-ok']);
  });

  it('an SPA that re-renders the button: the replay goes to the new one', async () => {
    page({ bank: false });
    listen();
    await install();
    document.getElementById('next')!.click();
    const old = document.getElementById('next')!;
    const fresh = old.cloneNode(true) as HTMLElement;
    fresh.id = 'next2';
    fresh.addEventListener('click', () => clicks.push('next2'));
    old.replaceWith(fresh);
    q('[data-testid="warnings-continue"]')!.click();
    expect(clicks).toEqual(['next2']);
  });

  it('Enter on a non-native button is checked; native buttons are left to their click', async () => {
    page({ bank: false });
    document.querySelector('.actions')!.insertAdjacentHTML('beforeend', '<div role="button" tabindex="0" id="div-submit">提交</div>');
    listen();
    const keys: string[] = [];
    document.getElementById('div-submit')!.addEventListener('keydown', (e) => keys.push(e.key));
    await install();
    document.getElementById('div-submit')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(keys).toEqual([]);
    expect(modal()).not.toBeNull();
    q('[data-testid="warnings-continue"]')!.click();
    expect(keys).toEqual(['Enter']);
    document.getElementById('next')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(modal()).toBeNull();
  });

  it('before the first context arrives the action is held, then checked', async () => {
    page();
    listen();
    let resolve!: (v: object) => void;
    guard = installGuard({ root: document, getContext: () => new Promise((r) => (resolve = r)), liveAddress: false });
    document.getElementById('next')!.click();
    expect(clicks).toEqual([]);
    resolve({});
    await flush();
    await flush();
    expect(clicks).toEqual(['next']);
    expect(modal()).toBeNull();
  });

  it('dispose removes the listeners', async () => {
    page({ bank: false });
    listen();
    await install();
    guard!.dispose();
    guard = null;
    document.getElementById('next')!.click();
    expect(modal()).toBeNull();
    expect(clicks).toEqual(['next']);
  });
});

describe('live address note', () => {
  it('says why under the field while typing, and goes away for a Songjiang address', async () => {
    document.body.innerHTML = `<div class="el-form-item"><label class="el-form-item__label">邮寄地址</label>
      <div class="el-form-item__content"><input id="addr" class="el-input__inner"></div></div>`;
    const notes = installAddressNotes(document, 5);
    const input = document.getElementById('addr') as HTMLInputElement;
    input.value = '上海市闵行区七宝镇七莘路1号';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 30));
    const note = document.querySelector<HTMLElement>('[data-testid="guard-address-note"]');
    expect(note?.dataset.verdict).toBe('outside');
    expect(note?.textContent).toContain('闵行区');
    expect(note?.parentElement?.classList.contains('el-form-item__content')).toBe(true);
    input.value = '九亭镇涞亭南路888弄';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 30));
    expect(document.querySelector('[data-testid="guard-address-note"]')).toBeNull();
    input.value = '人民路1号';
    notes.refresh();
    expect(document.querySelector<HTMLElement>('[data-testid="guard-address-note"]')?.dataset.verdict).toBe('unknown');
    notes.dispose();
    expect(document.querySelector('[data-testid="guard-address-note"]')).toBeNull();
  });
});
