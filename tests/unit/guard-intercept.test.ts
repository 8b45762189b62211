import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installGuard, type Decision, type GuardEvent, type GuardHandle, type Present } from '@/utils/guard/intercept';
import type { Finding } from '@/utils/guard/rules';

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

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A presenter standing in for the user: records what it was shown; the test answers. */
function fakePresenter() {
  const shown: Array<{ codes: string[]; answer(d: Decision): void; signal: AbortSignal }> = [];
  const present: Present = (findings: readonly Finding[], signal) =>
    new Promise((resolve) => {
      shown.push({ codes: findings.map((f) => f.code), answer: resolve, signal });
      signal.addEventListener('abort', () => resolve('back'));
    });
  /** Answers the last question and lets the guard act on it. */
  const answer = async (d: Decision) => {
    shown[shown.length - 1]!.answer(d);
    await flush();
  };
  return { shown, present, answer };
}

let guard: GuardHandle | null = null;
let events: GuardEvent[] = [];
let submits = 0;
let clicks: string[] = [];
let user: ReturnType<typeof fakePresenter>;
let repeats: string[] = [];

async function install(extra: Partial<Parameters<typeof installGuard>[0]> = {}) {
  events = [];
  guard = installGuard({
    root: document,
    getContext: async () => ({ history: [] }),
    present: user.present,
    askToRepeat: (a) => repeats.push(a),
    onFindings: (e) => events.push(e),
    ...extra,
  });
  await flush();
}

beforeEach(() => {
  submits = 0;
  clicks = [];
  repeats = [];
  user = fakePresenter();
});
afterEach(() => {
  guard?.dispose();
  guard = null;
  document.body.innerHTML = '';
  document.body.removeAttribute('data-zwdt-guard');
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
  it('a clean application passes untouched: nothing presented, the page gets its click and its submit', async () => {
    page();
    listen();
    await install();
    document.getElementById('next')!.click();
    document.getElementById('submit')!.click();
    expect(user.shown).toEqual([]);
    expect(clicks).toEqual(['next', 'submit']);
    expect(submits).toBe(1);
  });

  it('findings stop the click in the capture phase and are presented', async () => {
    page({ bank: false });
    listen();
    await install();
    const span = document.querySelector('#next span') as HTMLElement;
    const ev = new MouseEvent('click', { bubbles: true, cancelable: true });
    span.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(true);
    expect(clicks).toEqual([]);
    expect(user.shown.map((s) => s.codes)).toEqual([['missing-bank-card']]);
    expect(events.map((e) => [e.action, e.decision])).toEqual([['下一步', 'shown']]);
  });

  it('返回修改 does nothing else', async () => {
    page({ bank: false });
    listen();
    await install();
    document.getElementById('submit')!.click();
    await user.answer('back');
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
    await user.answer('continue');
    expect(clicks).toEqual(['submit']);
    expect(submits).toBe(1);
    // answering again (a buggy presenter) replays nothing more
    user.shown[0]!.answer('continue');
    await flush();
    expect(submits).toBe(1);
    // the next click is checked again
    document.getElementById('next')!.click();
    expect(user.shown).toHaveLength(2);
    expect(clicks).toEqual(['submit']);
  });

  it('while the question is open, more presses of step actions are held back (not passed, not asked twice)', async () => {
    page({ bank: false });
    listen();
    await install();
    document.getElementById('submit')!.click();
    document.getElementById('submit')!.click();
    document.getElementById('next')!.click();
    expect(user.shown).toHaveLength(1);
    expect(clicks).toEqual([]);
    document.getElementById('save')!.click(); // not a step action: the page's own
    expect(clicks).toEqual(['save']);
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
    await user.answer('continue');
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
    expect(user.shown).toEqual([]);
    expect(clicks).toEqual(['dlg-ok', 'save']);
    document.getElementById('box-ok')!.click();
    expect(user.shown).toHaveLength(1);
    // after 仍然继续, the page's own 确定 that follows is not asked again
    await user.answer('continue');
    expect(clicks).toEqual(['dlg-ok', 'save', 'box-ok']);
    document.getElementById('box-ok')!.click();
    expect(user.shown).toHaveLength(1);
    expect(clicks).toEqual(['dlg-ok', 'save', 'box-ok', 'box-ok']);
  });

  it('an SPA re-rendered the button: nothing is pressed for the user, who is asked to press again — once, without the same question', async () => {
    page({ bank: false });
    listen();
    await install();
    document.getElementById('next')!.click();
    const old = document.getElementById('next')!;
    const fresh = old.cloneNode(true) as HTMLElement;
    fresh.id = 'next2';
    fresh.addEventListener('click', () => clicks.push('next2'));
    old.replaceWith(fresh);
    await user.answer('continue');
    expect(clicks).toEqual([]);
    expect(repeats).toEqual(['下一步']);
    // the user presses the new 下一步: it goes on without asking the same again …
    fresh.click();
    expect(clicks).toEqual(['next2']);
    expect(user.shown).toHaveLength(1);
    // … once
    fresh.click();
    expect(user.shown).toHaveLength(2);
    expect(clicks).toEqual(['next2']);
  });

  it('the pressed button is now hidden, a look-alike shown elsewhere: neither is pressed', async () => {
    page({ bank: false });
    listen();
    document.body.insertAdjacentHTML('afterbegin', '<button type="button" id="other-next">下一步</button>');
    document.getElementById('other-next')!.addEventListener('click', () => clicks.push('other-next'));
    await install();
    document.getElementById('next')!.click();
    document.getElementById('next')!.style.display = 'none';
    await user.answer('continue');
    expect(clicks).toEqual([]);
    expect(repeats).toEqual(['下一步']);
  });

  it('a page marking the form (or body) with the guard’s attribute does not exempt its buttons', async () => {
    page({ bank: false });
    listen();
    document.body.setAttribute('data-zwdt-guard', 'modal');
    document.getElementById('f')!.setAttribute('data-zwdt-guard', 'address-note');
    await install();
    document.getElementById('next')!.click();
    expect(clicks).toEqual([]);
    expect(user.shown.map((s) => s.codes)).toEqual([['missing-bank-card']]);
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
    expect(user.shown).toHaveLength(1);
    await user.answer('continue');
    expect(keys).toEqual(['Enter']);
    document.getElementById('next')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(user.shown).toHaveLength(1);
  });

  it('before the first context arrives the action is held, then checked', async () => {
    page();
    listen();
    let resolve!: (v: object) => void;
    guard = installGuard({ root: document, getContext: () => new Promise((r) => (resolve = r)), present: user.present });
    document.getElementById('next')!.click();
    expect(clicks).toEqual([]);
    resolve({});
    await flush();
    await flush();
    expect(clicks).toEqual(['next']);
    expect(user.shown).toEqual([]);
  });

  it('a double click while the first context is on its way is replayed once (a double click never submits twice)', async () => {
    page();
    listen();
    let resolve!: (v: object) => void;
    guard = installGuard({ root: document, getContext: () => new Promise((r) => (resolve = r)), present: user.present });
    document.getElementById('submit')!.click();
    document.getElementById('submit')!.click();
    resolve({});
    await flush();
    await flush();
    expect(clicks).toEqual(['submit']);
    expect(submits).toBe(1);
  });

  it('stands aside once its owner is stale (active() false): the page gets its click', async () => {
    page({ bank: false });
    listen();
    let active = true;
    await install({ active: () => active });
    active = false;
    document.getElementById('next')!.click();
    expect(user.shown).toEqual([]);
    expect(clicks).toEqual(['next']);
  });

  it('an action held for the context when the guard stands aside goes on, unchecked (the page keeps working)', async () => {
    page({ bank: false });
    listen();
    let resolve!: (v: object) => void;
    let active = true;
    guard = installGuard({ root: document, getContext: () => new Promise((r) => (resolve = r)), present: user.present, active: () => active });
    document.getElementById('next')!.click();
    active = false;
    resolve({});
    await flush();
    await flush();
    expect(user.shown).toEqual([]);
    expect(clicks).toEqual(['next']);
  });

  it('reports where the action’s form posts, for the success check after 提交', async () => {
    page();
    listen();
    const proceeded: Array<{ action: string; form: string | null }> = [];
    await install({ onProceed: (e) => proceeded.push({ action: e.action, form: e.form }) });
    document.getElementById('submit')!.click();
    expect(proceeded).toEqual([{ action: '提交', form: new URL('/submit', document.baseURI).href }]);
  });

  it('dispose removes the listeners and closes an open question', async () => {
    page({ bank: false });
    listen();
    await install();
    document.getElementById('next')!.click();
    expect(user.shown[0]!.signal.aborted).toBe(false);
    guard!.dispose();
    guard = null;
    expect(user.shown[0]!.signal.aborted).toBe(true);
    document.getElementById('next')!.click();
    expect(clicks).toEqual(['next']);
  });
});
