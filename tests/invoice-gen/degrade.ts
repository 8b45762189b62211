/**
 * Phone-photo degradations, applied in the browser: the clean render is placed on a desk with CSS 3D
 * transforms (rotation, perspective), CSS blur, a seeded noise canvas, light/shadow gradients, and the
 * page is screenshot as JPEG at quality 40–70.
 */
import { makeRng } from './rng';

export type Degradation = 'clean' | 'rotate' | 'perspective' | 'blur' | 'lighting' | 'photo';
export const DEGRADATIONS: readonly Degradation[] = ['clean', 'rotate', 'perspective', 'blur', 'lighting', 'photo'];

export interface DegradeParams {
  rotateZ: number;
  rotateX: number;
  rotateY: number;
  blur: number;
  noise: number; // alpha scale of per-pixel noise, 0 = none
  vignette: number; // 0..0.6 darkness of uneven light
  glare: number; // 0..0.6
  shadow: number; // 0..0.6
  jpegQuality: number;
  scale: number;
  /** Desk visible around the document (stage size = document × (1 + margin)). */
  margin: number;
  light: { x: number; y: number; gx: number; gy: number; shadowAngle: number; shadowStop: number };
  desk: string;
  noiseSeed: number;
}

export function degradeParams(kind: Degradation, key: string): DegradeParams {
  const r = makeRng(`degrade:${kind}:${key}`);
  const p: DegradeParams = {
    rotateZ: 0,
    rotateX: 0,
    rotateY: 0,
    blur: 0,
    noise: 0,
    vignette: 0,
    glare: 0,
    shadow: 0,
    jpegQuality: 100,
    scale: 0.92,
    margin: 0.08,
    light: { x: r.int(10, 90), y: r.int(10, 90), gx: r.int(15, 85), gy: r.int(15, 85), shadowAngle: r.pick([20, 60, 120, 200, 250, 300, 340]), shadowStop: r.int(14, 26) },
    desk: r.pick(['#6b5a48', '#8a8f96', '#4d5560', '#a08c72', '#c9c4b8']),
    noiseSeed: r.int(1, 1e9),
  };
  switch (kind) {
    case 'clean':
      return p;
    case 'rotate':
      p.rotateZ = r.sign() * r.range(2, 8);
      p.jpegQuality = r.int(55, 70);
      break;
    case 'perspective':
      // A phone held over a document on a table: tilted and keystoned, desk all round.
      p.rotateX = r.sign() * r.range(8, 18);
      p.rotateY = r.sign() * r.range(6, 14);
      p.rotateZ = r.sign() * r.range(1, 6);
      p.margin = r.range(0.18, 0.3);
      p.jpegQuality = r.int(50, 70);
      break;
    case 'blur':
      p.blur = r.range(0.9, 1.5);
      p.noise = r.range(0.05, 0.09);
      p.jpegQuality = r.int(40, 60);
      break;
    case 'lighting':
      p.rotateZ = r.sign() * r.range(1, 3);
      p.vignette = r.range(0.3, 0.5);
      p.glare = r.range(0.25, 0.45);
      p.shadow = r.range(0.3, 0.5);
      p.jpegQuality = r.int(50, 70);
      break;
    case 'photo':
      p.rotateZ = r.sign() * r.range(2, 6);
      p.rotateX = r.sign() * r.range(3, 8);
      p.rotateY = r.sign() * r.range(3, 8);
      p.blur = r.range(0.5, 1.0);
      p.noise = r.range(0.04, 0.07);
      p.vignette = r.range(0.2, 0.4);
      p.glare = r.range(0.15, 0.3);
      p.shadow = r.range(0.25, 0.4);
      p.margin = r.range(0.12, 0.25);
      p.jpegQuality = r.int(40, 55);
      break;
  }
  p.scale = 0.92 - Math.abs(p.rotateZ) * 0.012;
  return p;
}

/** Page that shows `pngBase64` (w×h px) photographed on a desk; viewport must be `stageSize(w, h)`. */
export function degradeHtml(pngBase64: string, w: number, h: number, p: DegradeParams): { html: string; width: number; height: number } {
  const W = Math.round(w * (1 + p.margin) * 0.98);
  const H = Math.round(h * (1 + p.margin) * 1.02);
  const transform = `perspective(${Math.round(w * 1.3)}px) rotateX(${p.rotateX.toFixed(2)}deg) rotateY(${p.rotateY.toFixed(2)}deg) rotateZ(${p.rotateZ.toFixed(2)}deg) scale(${p.scale.toFixed(3)})`;
  const filter = `${p.blur ? `blur(${p.blur.toFixed(2)}px) ` : ''}brightness(0.97) sepia(0.1) contrast(0.93)`;
  const L = p.light;
  const overlays = [
    p.vignette ? `<div class="ov" style="background:radial-gradient(ellipse at ${L.x}% ${L.y}%, rgba(0,0,0,0) 25%, rgba(35,25,5,${p.vignette.toFixed(2)}) 100%)"></div>` : '',
    p.glare ? `<div class="ov" style="background:radial-gradient(circle at ${L.gx}% ${L.gy}%, rgba(255,255,250,${p.glare.toFixed(2)}) 0%, rgba(255,255,250,0) 30%)"></div>` : '',
    p.shadow ? `<div class="ov" style="background:linear-gradient(${L.shadowAngle}deg, rgba(10,10,20,${p.shadow.toFixed(2)}) 0%, rgba(10,10,20,${(p.shadow * 0.9).toFixed(2)}) ${L.shadowStop}%, rgba(10,10,20,0) ${L.shadowStop + 9}%)"></div>` : '',
    p.noise ? `<canvas id="noise" class="ov" width="${W}" height="${H}"></canvas>` : '',
  ].join('');
  const noiseScript = p.noise
    ? `<script>(() => {
  let a = ${p.noiseSeed} >>> 0;
  const rnd = () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const c = document.getElementById('noise'); const ctx = c.getContext('2d'); const img = ctx.createImageData(${W}, ${H}); const d = img.data;
  for (let i = 0; i < d.length; i += 4) { const n = (rnd() + rnd() + rnd() - 1.5) * 2; const v = n > 0 ? 255 : 0; d[i] = v; d[i + 1] = v; d[i + 2] = v; d[i + 3] = Math.min(255, Math.abs(n) * ${Math.round(p.noise * 255)}); }
  ctx.putImageData(img, 0, 0);
})();</script>`
    : '';
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${W}px; height: ${H}px; overflow: hidden; }
  body { background: radial-gradient(ellipse at 30% 30%, ${p.desk}, #2b2b2b 140%); }
  #doc { position: absolute; left: ${Math.round((W - w) / 2)}px; top: ${Math.round((H - h) / 2)}px; width: ${w}px; height: ${h}px; transform: ${transform}; transform-origin: 50% 50%; filter: ${filter}; box-shadow: 0 6px 24px rgba(0,0,0,.45); }
  .ov { position: absolute; left: 0; top: 0; width: ${W}px; height: ${H}px; }
</style></head><body><img id="doc" src="data:image/png;base64,${pngBase64}">${overlays}${noiseScript}</body></html>`;
  return { html, width: W, height: H };
}
