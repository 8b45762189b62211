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
