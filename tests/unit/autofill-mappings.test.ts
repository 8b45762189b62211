import { describe, it, expect, beforeEach } from 'vitest';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { FieldMappings, type MappingStore } from '@/components/options/FieldMappings';
import type { MappingRecord } from '@/utils/db';
import { matchFields } from '@/utils/page/meaning';
import type { CollectedField } from '@/utils/autofill/types';

function memoryStore(): MappingStore & { data: MappingRecord[] } {
  const data: MappingRecord[] = [];
  return {
    data,
    async list() {
      return [...data];
    },
    async put(m) {
      const now = new Date().toISOString();
      const i = data.findIndex((x) => x.id === m.id);
      const rec = { ...m, createdAt: now, updatedAt: now } as MappingRecord;
      if (i >= 0) data[i] = rec;
      else data.push(rec);
    },
    async remove(id) {
      const i = data.findIndex((x) => x.id === id);
      if (i >= 0) data.splice(i, 1);
    },
  };
}

const flush = () => act(async () => new Promise<void>((r) => setTimeout(r, 0)));

async function typeAndAdd(root: HTMLElement, label: string, meaning: string) {
  const input = root.querySelector('[data-testid="mapping-label"]') as HTMLInputElement;
  const select = root.querySelector('[data-testid="mapping-meaning"]') as HTMLSelectElement;
  await act(() => {
    input.value = label;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    select.value = meaning;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await act(() => {
    (root.querySelector('[data-testid="mapping-add"]') as HTMLButtonElement).click();
  });
  await flush();
}

describe('字段对应 editor', () => {
  let root: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = '<div id="app"></div>';
    root = document.getElementById('app')!;
  });

  it('lists, adds (normalised label), replaces and deletes taught mappings', async () => {
    const store = memoryStore();
    await act(() => render(h(FieldMappings, { store }), root));
    await flush();
    expect(root.querySelector('[data-testid="mapping-empty"]')).not.toBeNull();
    // every meaning plus "never fill" is offered, in plain Chinese
    const options = Array.from(root.querySelectorAll('[data-testid="mapping-meaning"] option')).map((o) => o.textContent);
    expect(options).toContain('报销人姓名');
    expect(options).toContain('不要自动填写');

    await typeAndAdd(root, '* 乘车人：', 'claimant.name');
    expect(store.data.map((m) => [m.label, m.meaning])).toEqual([['乘车人', 'claimant.name']]);
    expect(root.querySelectorAll('[data-testid="mapping-item"]').length).toBe(1);
    expect(root.textContent).toContain('乘车人 → 报销人姓名');

    await typeAndAdd(root, '乘车人', 'ignore');
    expect(store.data.map((m) => [m.label, m.meaning])).toEqual([['乘车人', 'ignore']]);

    await act(() => {
      (root.querySelector('[data-testid="mapping-delete"]') as HTMLButtonElement).click();
    });
    await flush();
    expect(store.data).toEqual([]);
    expect(root.querySelector('[data-testid="mapping-empty"]')).not.toBeNull();
  });

  it('refuses an empty label', async () => {
    const store = memoryStore();
    await act(() => render(h(FieldMappings, { store }), root));
    await typeAndAdd(root, ' ：', 'claimant.name');
    expect(store.data).toEqual([]);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('请填写标签文字');
  });

  it('a stored mapping is what the matcher applies', async () => {
    const store = memoryStore();
    await act(() => render(h(FieldMappings, { store }), root));
    await typeAndAdd(root, '乘车人', 'claimant.phone');
    const input = document.createElement('input');
    const field: CollectedField = {
      index: 0, kind: 'text', element: input, inputs: [input], container: null, label: '乘车人：',
      evidence: [{ text: '乘车人：', source: 'form-item', weight: 1 }], section: '', starred: false, starRule: null, options: [], value: '', library: 'native', hints: [], usable: true, dialog: null,
    };
    const mappings = store.data.map((m) => ({ label: m.label, meaning: m.meaning as 'claimant.phone' }));
    expect(matchFields([field], { mappings })[0]!.meaning).toBe('claimant.phone');
  });
});
