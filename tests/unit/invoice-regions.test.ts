// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { otsuThreshold, softThreshold, type GrayImage } from '@/utils/invoice/image';
import { prepareRegion, regionLinesToPage, trimToInk } from '@/utils/invoice/regions';
import type { PixelImage } from '@/utils/invoice/types';

const gray = (w: number, h: number, f: (x: number, y: number) => number): GrayImage => {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = f(x, y);
  return { width: w, height: h, data };
};

/** Paper 245 with a faint texture (a seal's remains, 200) and strokes (40) with grey edges (70, 100). */
const textured = (x: number, y: number) => {
  if (y >= 20 && y < 50 && x % 12 >= 3 && x % 12 < 8) return x % 12 === 3 ? 70 : x % 12 === 7 ? 100 : 40;
  return (x + y) % 5 === 0 ? 200 : 245;
};

describe('crop cleaning for the recogniser', () => {
  it('soft threshold: paper and faint texture become white, ink full black, stroke edges stay grey', () => {
    const g = gray(120, 70, textured);
    const t = otsuThreshold(g);
    expect(t).toBeGreaterThan(70);
    expect(t).toBeLessThan(200);
    const s = softThreshold(g);
    expect(s.data[0 * 120 + 0]).toBe(255); // (0+0)%5 → texture 200
    expect(s.data[0 * 120 + 1]).toBe(255); // paper
    expect(s.data[30 * 120 + 5]).toBe(0); // stroke
    const edge = s.data[30 * 120 + 3]!;
    expect(edge).toBeGreaterThan(0);
    expect(edge).toBeLessThan(255);
  });

  it('soft threshold leaves a picture without contrast alone', () => {
    const flat = gray(10, 10, () => 200);
    expect(softThreshold(flat)).toBe(flat);
  });

  it('a line is trimmed to its ink with a small margin', () => {
    const g = gray(120, 70, (x, y) => (y >= 20 && y < 50 && x >= 30 && x < 90 ? 0 : 255));
    const t = trimToInk(g, [20, 49], 0.2);
    expect(t).toMatchObject({ x: 24, y: 14 });
    expect(t.image.width).toBe(72);
    expect(t.image.height).toBe(42);
  });

  it('a line crop is cleaned, cut to its line, and its boxes map back to the page', () => {
    const W = 400, H = 200;
    const page: PixelImage = { width: W, height: H, data: new Uint8ClampedArray(W * H * 4) };
    // a line of "characters" at x 100..220, y 80..110 on paper with faint texture
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      const ink = y >= 80 && y < 110 && x >= 100 && x < 220 && x % 16 < 10;
      const v = ink ? 30 : (x * 7 + y * 3) % 11 === 0 ? 195 : 240;
      page.data.set([v, v, v, 255], (y * W + x) * 4);
    }
    const prep = prepareRegion(page, { fields: ['hospital'], box: { x: 50, y: 60, w: 300, h: 70 }, mode: 'line', channel: 'red' }, 30);
    const px = prep.image.data;
    let mid = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i]! > 150 && px[i]! < 255) mid++;
    // the texture is gone: almost no light-grey pixels left (only stroke edges)
    expect(mid).toBeLessThan(0.05 * prep.image.width * prep.image.height);
    // cut to the line: not the crop's 70 rows of paper around it
    expect(prep.image.height).toBeLessThan(30 * prep.scale * 1.6);
    const [l] = regionLinesToPage([{ text: 'x', conf: 1, bbox: { x: 0, y: 0, w: prep.image.width, h: prep.image.height }, words: [] }], prep.scale, prep.offset);
    expect(l!.bbox.x).toBeGreaterThan(85);
    expect(l!.bbox.x).toBeLessThanOrEqual(100);
    expect(l!.bbox.y).toBeGreaterThan(70);
    expect(l!.bbox.y).toBeLessThanOrEqual(80);
    expect(l!.bbox.y + l!.bbox.h).toBeGreaterThanOrEqual(109);
    expect(l!.bbox.y + l!.bbox.h).toBeLessThan(120);
  });
});
