/**
 * The content script's in-page UI of the guard (components/inpage): the warnings modal in a closed
 * shadow root that only the user's own input answers, the live address note, the "press again"
 * notice. (happy-dom has no `isTrusted`: `trusted()` marks an event as the user's, the way a browser
 * does for real input.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { showWarningsModal, warningsPresenter } from '@/components/inpage/warnings-modal';
import { addressNotesView } from '@/components/inpage/address-notes';
import { repeatNotice } from '@/components/inpage/repeat-notice';
import { isGuardNode } from '@/utils/guard/dom';
import { addressNotes, watchAddresses } from '@/utils/guard/live-address';
import type { Decision } from '@/utils/guard/intercept';
import type { Finding } from '@/utils/guard/rules';

const FINDINGS: Finding[] = [
  { code: 'missing-bank-card', severity: 'block-worthy', message: { key: 'guardMissingBankCard', params: [] } },
  { code: 'address-outside-songjiang', severity: 'warning', message: { key: 'guardAddressOutside', params: ['邮寄地址', '闵行区'] } },
];

function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}
const click = () => new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
const key = (k: string) => new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true });
const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  document.documentElement.querySelectorAll('[data-zwdt-guard]').forEach((n) => n.remove());
  document.body.innerHTML = '';
});

describe('warnings modal', () => {
  function open() {
    const decisions: Decision[] = [];
    const handle = showWarningsModal(document, FINDINGS, { onDecision: (d) => decisions.push(d) });
    const q = (sel: string) => handle.root.querySelector<HTMLElement>(sel)!;
    return { handle, decisions, q };
  }

  it('is closed to the page: no shadow root to read, and its host is the guard’s own node', () => {
    const { handle, q } = open();
    expect(handle.host.shadowRoot).toBeNull();
    expect(document.querySelector('[data-zwdt-guard="modal"]')).toBe(handle.host);
    expect([...handle.root.querySelectorAll('[data-warning-code]')].map((e) => e.getAttribute('data-warning-code'))).toEqual(['missing-bank-card', 'address-outside-songjiang']);
    expect(q('[data-testid="submit-warnings"]').getAttribute('role')).toBe('dialog');
    expect(q('[data-testid="submit-warnings"]').getAttribute('aria-modal')).toBe('true');
    expect(handle.root.activeElement).toBe(q('[data-testid="warnings-back"]'));
    expect(isGuardNode(q('[data-testid="warnings-continue"]'))).toBe(true);
  });

  it('a script’s click or Escape does nothing; the user’s click decides', () => {
    const { decisions, q, handle } = open();
    q('[data-testid="warnings-continue"]').click();
    q('[data-testid="warnings-continue"]').dispatchEvent(click());
    document.dispatchEvent(key('Escape'));
    q('[data-testid="submit-warnings"]').dispatchEvent(key('Escape'));
    expect(decisions).toEqual([]);
    expect(handle.host.isConnected).toBe(true);
    q('[data-testid="warnings-continue"]').dispatchEvent(trusted(click()));
    expect(decisions).toEqual(['continue']);
    expect(handle.host.isConnected).toBe(false);
  });

  it('Esc from the user = 返回修改; Tab stays between the two buttons', () => {
    const { decisions, q, handle } = open();
    const dialog = q('[data-testid="submit-warnings"]');
    dialog.dispatchEvent(trusted(key('Tab')));
    expect(handle.root.activeElement).toBe(q('[data-testid="warnings-continue"]'));
    dialog.dispatchEvent(trusted(key('Tab')));
    expect(handle.root.activeElement).toBe(q('[data-testid="warnings-back"]'));
    dialog.dispatchEvent(trusted(key('Escape')));
    expect(decisions).toEqual(['back']);
  });

  it('a page that removes it gets 返回修改, never 仍然继续', async () => {
    const { decisions, handle } = open();
    handle.host.remove();
    await flush();
    expect(decisions).toEqual(['back']);
  });

  it('the presenter resolves with the user’s choice, and with 返回修改 when the guard closes it', async () => {
    const present = warningsPresenter(document);
    const c1 = new AbortController();
    const p1 = present(FINDINGS, c1.signal);
    const host = document.querySelector('[data-zwdt-guard="modal"]')!;
    c1.abort();
    expect(await p1).toBe('back');
    expect(host.isConnected).toBe(false);
    expect(document.querySelector('[data-zwdt-guard="modal"]')).toBeNull();
  });
});

describe('live address note', () => {
  it('says why under the field while typing, and goes away for a Songjiang address', async () => {
    document.body.innerHTML = `<div class="el-form-item"><label class="el-form-item__label">邮寄地址</label>
      <div class="el-form-item__content"><input id="addr" class="el-input__inner"></div></div>`;
    const view = addressNotesView(document);
    const watch = watchAddresses(document, (n) => view.show(n), 5);
    const input = document.getElementById('addr') as HTMLInputElement;
    input.value = '上海市闵行区七宝镇七莘路1号';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 30));
    const note = document.querySelector<HTMLElement>('[data-testid="guard-address-note"]');
    expect(note?.dataset.verdict).toBe('outside');
    expect(note?.textContent).toContain('闵行区');
    expect(note?.parentElement?.classList.contains('el-form-item__content')).toBe(true);
    expect(isGuardNode(note)).toBe(true);
    input.value = '九亭镇涞亭南路888弄';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 30));
    expect(document.querySelector('[data-testid="guard-address-note"]')).toBeNull();
    input.value = '人民路1号';
    watch.refresh();
    expect(document.querySelector<HTMLElement>('[data-testid="guard-address-note"]')?.dataset.verdict).toBe('unknown');
    watch.dispose();
    view.dispose();
    expect(document.querySelector('[data-testid="guard-address-note"]')).toBeNull();
  });

  it('the verdicts alone (utils): nothing for an empty or Songjiang address', () => {
    document.body.innerHTML = `<div class="el-form-item"><label class="el-form-item__label">邮寄地址</label>
      <div class="el-form-item__content"><input id="addr" class="el-input__inner"></div></div>`;
    expect(addressNotes(document)).toEqual([]);
    (document.getElementById('addr') as HTMLInputElement).value = '松江区中山街道中山中路1号';
    expect(addressNotes(document)).toEqual([]);
    (document.getElementById('addr') as HTMLInputElement).value = '嘉定区安亭镇1号';
    expect(addressNotes(document).map((n) => [n.field, n.verdict])).toEqual([['mailing', 'outside']]);
  });
});

describe('press-again notice', () => {
  it('asks for the button by name, lets clicks through, and goes at the user’s next press', () => {
    const notice = repeatNotice(document);
    notice.show('提交');
    const host = document.querySelector<HTMLElement>('[data-zwdt-guard="repeat-notice"]')!;
    expect(host.shadowRoot).toBeNull();
    expect(isGuardNode(host)).toBe(true);
    window.dispatchEvent(new Event('pointerdown')); // a script's event: stays
    expect(host.isConnected).toBe(true);
    window.dispatchEvent(trusted(new Event('pointerdown')));
    expect(host.isConnected).toBe(false);
    notice.dispose();
  });
});
