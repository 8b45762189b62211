// The panel's reading queue (utils/invoice-ui/store.ts) with a fake engine: one file at a time, progress,
// a clear error when the OCR worker cannot start, 停止识别 terminates the worker and the next file gets a new one,
// a file that cannot be read ends in a plain message and the next one goes on.
import { describe, expect, it } from 'vitest';
import { InvoiceStore } from '@/utils/invoice-ui/store';
import { isLowConfidence } from '@/utils/invoice-ui/review';
import type { BrowserReader } from '@/utils/invoice/extension';
import { emptyFields, fieldRecord, type InvoiceResult } from '@/utils/invoice/types';
import { t } from '@/utils/i18n';

function res(file: string, over: Partial<InvoiceResult> = {}): InvoiceResult {
  const fields = { ...emptyFields(), invoiceCode: '31060122', invoiceNumber: '0091212353', issueDate: '2022-08-20', totalAmount: '10.00', visitType: 'outpatient' as const };
  return { file, fields, confidence: fieldRecord(() => 0.99), source: fieldRecord(() => 'ocr' as const), boxes: fieldRecord(() => []), warnings: [], ms: 1, ...over };
}

function fakeReader(behaviour: (name: string) => Promise<InvoiceResult>) {
  const log = { created: 0, disposed: 0, warmed: 0, reads: [] as string[] };
  const make = (): BrowserReader => {
    log.created++;
    return {
      async read(input, _ctx, onProgress) {
        log.reads.push(input.name);
        onProgress?.({ file: input.name, index: 0, count: 1, phase: 'ocr', progress: 0.5 });
        return behaviour(input.name);
      },
      renderPdfPreview: async () => null,
      warmUp: () => void log.warmed++,
      workerRunning: true,
      dispose: async () => void log.disposed++,
    };
  };
  return { log, make };
}

const file = (name: string, type = 'image/png') => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4])], name, { type });
const until = async (fn: () => boolean) => {
  for (let i = 0; i < 200 && !fn(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(fn()).toBe(true);
};

describe('InvoiceStore', () => {
  it('reads files one after another; results wait for the user to confirm', async () => {
    const { log, make } = fakeReader(async (n) => res(n));
    const store = new InvoiceStore(make);
    store.addFiles([file('a.png'), file('b.png')]);
    await until(() => store.items.every((i) => i.status === 'done'));
    expect(log.reads).toEqual(['a.png', 'b.png']);
    expect(log.created).toBe(1);
    expect(store.views.map((v) => [v.batchIndex, v.batchCount])).toEqual([[0, 2], [1, 2]]);
    expect(store.items.every((i) => !i.confirmed)).toBe(true);
  });

  it('opening the file dialog starts the worker; the files chosen then are read by that same worker', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { log, make } = fakeReader(async (n) => (await gate, res(n)));
    const store = new InvoiceStore(make);
    store.warmUp();
    expect(log).toMatchObject({ created: 1, warmed: 1 });
    store.addFiles([file('a.png')]);
    await until(() => store.items[0]!.status === 'reading');
    store.warmUp(); // while reading: nothing to start
    expect(log).toMatchObject({ created: 1, warmed: 1 });
    release();
    await until(() => store.items[0]!.status === 'done');
    expect(log.created).toBe(1);
    store.cancel(); // 停止识别 / leaving: the warmed worker goes too
    expect(log.disposed).toBe(1);
  });

  it('a worker that cannot start shows the engine\u2019s clear message; other files continue', async () => {
    const timeout = { code: 'invoiceOcrInitTimeout', message: t('invoiceOcrInitTimeout', 30) };
    const { make } = fakeReader(async (n) => (n === 'bad.png' ? res(n, { fields: emptyFields(), error: timeout }) : res(n)));
    const store = new InvoiceStore(make);
    store.addFiles([file('bad.png'), file('ok.png')]);
    await until(() => store.items.every((i) => i.status === 'done' || i.status === 'error'));
    const bad = store.items.find((i) => i.file === 'bad.png')!;
    expect(bad.status).toBe('error');
    expect(bad.error).toMatch(/30 秒/);
    expect(store.items.find((i) => i.file === 'ok.png')!.status).toBe('done');
  });

  it('停止识别: the worker is terminated at once, unread files are marked, the next file gets a fresh worker', async () => {
    let release: (() => void) | null = null;
    const { log, make } = fakeReader((n) => (n === 'slow.png' ? new Promise<InvoiceResult>(() => (release = () => {})) : Promise.resolve(res(n))));
    const store = new InvoiceStore(make);
    store.addFiles([file('slow.png'), file('later.png')]);
    await until(() => store.items[0]?.status === 'reading' && log.reads.length === 1);
    store.cancel();
    expect(log.disposed).toBe(1);
    expect(store.items.map((i) => i.status)).toEqual(['cancelled', 'cancelled']);
    void release;
    store.addFiles([file('next.png')]);
    await until(() => store.items[2]?.status === 'done');
    expect(log.created).toBe(2);
  });

  it('an edit withdraws the confirmation; removing a file drops it', async () => {
    const { make } = fakeReader(async (n) => res(n));
    const store = new InvoiceStore(make);
    store.addFiles([file('a.png')]);
    await until(() => store.items[0]?.status === 'done');
    const id = store.items[0]!.id;
    store.confirm(id, true);
    expect(store.items[0]!.confirmed).toBe(true);
    store.edit(id, 'totalAmount', '11.00');
    expect(store.items[0]!.confirmed).toBe(false);
    store.remove(id);
    expect(store.items).toHaveLength(0);
  });

  it('a file that cannot be read (moved, locked) ends in a plain message, never stuck on 正在读取; the next file goes on', async () => {
    const { log, make } = fakeReader(async (n) => res(n));
    const store = new InvoiceStore(make);
    const gone = file('gone.png');
    Object.defineProperty(gone, 'arrayBuffer', { value: () => Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError')) });
    store.addFiles([gone, file('next.png')]);
    await until(() => store.items.every((i) => i.status !== 'queued' && i.status !== 'reading'));
    const bad = store.items.find((i) => i.file === 'gone.png')!;
    expect(bad.status).toBe('error');
    expect(bad.error).toMatch(/读不出来/);
    expect(store.items.find((i) => i.file === 'next.png')!.status).toBe('done');
    expect(log.reads).toEqual(['next.png']);
  });

  it('an engine that throws ends that file in a plain message; a fresh engine reads the next', async () => {
    const { log, make } = fakeReader(async (n) => {
      if (n === 'boom.png') throw new Error('wasm memory');
      return res(n);
    });
    const store = new InvoiceStore(make);
    store.addFiles([file('boom.png'), file('ok.png')]);
    await until(() => store.items.every((i) => i.status === 'done' || i.status === 'error'));
    expect(store.items.map((i) => i.status)).toEqual(['error', 'done']);
    expect(log.created).toBe(2);
  });
});

describe('InvoiceStore with the 报销人 chosen (known-payer.ts)', () => {
  const payer = (name: string) => async (n: string) => {
    const r = res(n);
    return { ...r, fields: { ...r.fields, payerName: name } };
  };

  it('chosen before reading: the invoice read afterwards shows the 报销人', async () => {
    const { make } = fakeReader(payer('薛传月'));
    const store = new InvoiceStore(make);
    store.setClaimantName('薛伟月');
    store.addFiles([file('a.png')]);
    await until(() => store.items[0]?.status === 'done');
    expect(store.items[0]!.values.payerName).toBe('薛伟月');
  });

  it('chosen after reading: what is shown follows the choice, and a wrong first choice is undone', async () => {
    const { make } = fakeReader(payer('薛传月'));
    const store = new InvoiceStore(make);
    store.addFiles([file('a.png')]);
    await until(() => store.items[0]?.status === 'done');
    expect(store.items[0]!.values.payerName).toBe('薛传月');
    store.setClaimantName('薛伟月');
    expect(store.items[0]!.values.payerName).toBe('薛伟月');
    expect(isLowConfidence(store.items[0]!, 'payerName')).toBe(true);
    // the volunteer had chosen the wrong resident: 薛传月 is a person too
    store.setClaimantName('薛传月');
    expect(store.items[0]!.values.payerName).toBe('薛传月');
    expect(store.items[0]!.result!.warnings).toEqual([]);
    store.setClaimantName('');
    expect(store.items[0]!.values.payerName).toBe('薛传月');
  });
});
