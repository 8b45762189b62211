// @vitest-environment node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { createQrDecoder, parseQrPayload } from '@/utils/invoice/qr';
import type { PixelImage } from '@/utils/invoice/types';

const require = createRequire(import.meta.url);

describe('parseQrPayload', () => {
  it('national platform d= with amount', () => {
    expect(parseQrPayload('https://www.chinaebill.cn/eips-wxapp-service/d?t=504&a=x&d=45060122_0185821908_07892e_236.21_20230306&s=abc')).toEqual({
      invoiceCode: '45060122',
      invoiceNumber: '0185821908',
      checkCode: '07892e',
      totalAmount: '236.21',
      issueDate: '2023-03-06',
    });
  });

  it('d= without amount, upper-case check code lowered', () => {
    expect(parseQrPayload('https://x.example/d?d=44060122_8040675619_3F7484_20221118')).toEqual({
      invoiceCode: '44060122',
      invoiceNumber: '8040675619',
      checkCode: '3f7484',
      totalAmount: null,
      issueDate: '2022-11-18',
    });
  });

  it('parts recognised by shape, not position; URL-encoded', () => {
    const r = parseQrPayload('https://x.example/d?d=20230306%5F236.2%5F0185821908%5F45060122%5F07892e');
    expect(r).toMatchObject({ invoiceCode: '45060122', invoiceNumber: '0185821908', checkCode: '07892e', totalAmount: '236.20', issueDate: '2023-03-06' });
  });

  it('check-page URLs …/page/{代码}/{号码}/{校验码}', () => {
    expect(parseQrPayload('http://pjcy.example.gov.cn/page/33060122/0012345678/a1b2c3')).toEqual({
      invoiceCode: '33060122',
      invoiceNumber: '0012345678',
      checkCode: 'a1b2c3',
      totalAmount: null,
      issueDate: null,
    });
  });

  it('a bare underscore list', () => {
    expect(parseQrPayload('31060121_0012345678_a3f09e_350.50_20240315')?.totalAmount).toBe('350.50');
  });

  it('null for unrelated QR codes', () => {
    expect(parseQrPayload('https://weixin.qq.com/r/abcdef')).toBeNull();
    expect(parseQrPayload('01,10,3100204130,12345678,100.00,20240101,12345,abcd')).toBeNull(); // VAT invoice format
    expect(parseQrPayload('')).toBeNull();
  });
});

/** Renders a QR code into RGBA pixels (black on white, quiet zone, `scale` px per module). */
function qrImage(text: string, scale = 4, margin = 4): PixelImage {
  const q = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = q.modules.size;
  const size = (n + 2 * margin) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!q.modules.data[y * n + x]) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const p = (((y + margin) * scale + dy) * size + (x + margin) * scale + dx) * 4;
          data[p] = data[p + 1] = data[p + 2] = 0;
        }
      }
    }
  }
  return { width: size, height: size, data };
}

describe('createQrDecoder (zxing-wasm, local wasm)', () => {
  const decode = createQrDecoder({ wasmBinary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')) });

  it('decodes a rendered e-invoice QR without touching the network', async () => {
    const text = 'https://www.chinaebill.cn/eips-wxapp-service/d?t=504&d=45060122_0185821908_07892e_236.21_20230306';
    const fetchSpy = globalThis.fetch;
    globalThis.fetch = (() => Promise.reject(new Error('network used'))) as typeof fetch;
    try {
      const texts = await decode(qrImage(text));
      expect(texts).toEqual([text]);
      expect(parseQrPayload(texts[0]!)?.invoiceNumber).toBe('0185821908');
    } finally {
      globalThis.fetch = fetchSpy;
    }
  });

  it('returns [] for an image without a QR code', async () => {
    const blank: PixelImage = { width: 200, height: 200, data: new Uint8ClampedArray(200 * 200 * 4).fill(255) };
    expect(await decode(blank)).toEqual([]);
  });

  it('requires a local wasm (no CDN fallback)', async () => {
    await expect(createQrDecoder({})(qrImage('x'))).rejects.toThrow(/wasmUrl or wasmBinary/);
  });
});
