// @vitest-environment node
// The synthetic invoices must show what their truth says: a value printed under the QR code cannot be read.
import { describe, expect, it } from 'vitest';
import { makeRng } from '../invoice-gen/rng';
import { makeValues } from '../invoice-gen/values';
import { SPECS } from '../invoice-gen/layouts/specs';

const px = (html: string, re: RegExp): number => Number(html.match(re)?.[1] ?? NaN);

describe('invoice generator: 北京 住院 layout', () => {
  it('starts the header (交款人 first) below the QR code whatever the drawn margins', () => {
    let withQr = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const v = makeValues('bj-inpatient', seed);
      const html = SPECS['bj-inpatient'].render({ v, qrDataUrl: 'data:image/png;base64,', rng: makeRng(`layout:bj-inpatient:${seed}`) });
      const qrTop = px(html, /class="qr"[^>]*top:(\d+)px/);
      const qrSide = px(html, /class="qr"[^>]*height:(\d+)px/);
      const sheetPad = px(html, /#sheet \{ padding-top: (\d+)px/);
      const titleGap = px(html, /\.title \{ margin-bottom: (\d+)px/);
      const hdrPad = px(html, /\.hdr \{[^}]*padding: (\d+)px/) || 0;
      // the title: 6 px margin above a 27-px line (at least 36 px high in the CJK fonts used)
      const hdrTop = sheetPad + 6 + 36 + titleGap + hdrPad;
      expect(hdrTop, `seed ${seed}`).toBeGreaterThanOrEqual(qrTop + qrSide);
      withQr++;
    }
    expect(withQr).toBe(60);
  });
});

describe('invoice generator: development layouts', () => {
  it('are never in the benchmark set nor the default run, and print what their truth says', async () => {
    const { ALL_LAYOUTS, DEV_LAYOUTS, TEMPLATES, HELD_OUT } = await import('../invoice-gen/layouts/specs');
    expect(DEV_LAYOUTS).toEqual(['ha-outpatient', 'cq-inpatient', 'hl-outpatient']);
    for (const t of DEV_LAYOUTS) {
      expect(TEMPLATES).not.toContain(t);
      expect(HELD_OUT).not.toContain(t);
      expect(ALL_LAYOUTS).toContain(t);
    }
    expect(TEMPLATES).toHaveLength(12);
    for (const t of DEV_LAYOUTS) {
      for (let seed = 300; seed < 310; seed++) {
        const v = makeValues(t, seed);
        const html = SPECS[t].render({ v, qrDataUrl: v.qr ? 'data:image/png;base64,' : null, rng: makeRng(`layout:${t}:${seed}`) });
        expect(v.invoiceCode.slice(0, 2)).toBe(SPECS[t].codePrefix);
        for (const s of [v.hospital, v.payerName, v.invoiceNumber, v.title]) expect(html, `${t} ${seed}`).toContain(s);
        expect(html.includes(String(v.fundCents / 100)) || html.includes((v.fundCents / 100).toFixed(2)), `${t} ${seed} fund`).toBe(true);
      }
    }
  });
});
