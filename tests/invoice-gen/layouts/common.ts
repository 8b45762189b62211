/**
 * Shared pieces of the invoice layouts: seals, base CSS, item tables, the printed forms of dates and amounts,
 * and the pools of wordings a layout draws from. The wordings come from the national filling rules and the
 * older provincial forms described in /work/shared/domain/INVOICES.md — every layout draws its own choice per
 * seed, so no layout prints one fixed set of strings.
 */
import { moneyGrouped, type InvoiceValues } from '../values';
import type { Rng } from '../rng';

export const RED = '#d7261e';

export function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

let sealId = 0;

/** A round official seal (hospital 财务专用章) or an oval 监制章, as semi-transparent red SVG. */
export function seal(opts: { top: string; bottom?: string; star?: boolean; oval?: boolean; left: number; y: number; size: number; rotate: number; opacity: number; color?: string }): string {
  const color = opts.color ?? RED;
  const id = `arc${++sealId}`;
  const w = opts.oval ? opts.size * 1.45 : opts.size;
  const h = opts.size;
  const cx = w / 2;
  const cy = h / 2;
  const rx = cx - 4;
  const ry = cy - 4;
  // The inscription's baseline: its characters stand outwards from it and stay inside the ring.
  const tx = rx * (opts.oval ? 0.78 : 0.64);
  const ty = ry * (opts.oval ? 0.78 : 0.64);
  const sx = cx - tx * Math.cos(Math.PI / 6);
  const sy = cy + ty * Math.sin(Math.PI / 6);
  const ex = cx + tx * Math.cos(Math.PI / 6);
  const fontSize = Math.round(Math.min(h * 0.15, (Math.PI * tx * 1.3) / Math.max(4, opts.top.length)));
  const star = opts.star
    ? `<polygon fill="${color}" points="${Array.from({ length: 10 }, (_, i) => {
        const r = i % 2 ? h * 0.07 : h * 0.17;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        return `${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`;
      }).join(' ')}"/>`
    : '';
  return `<svg class="seal" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" style="position:absolute;left:${opts.left}px;top:${opts.y}px;transform:rotate(${opts.rotate}deg);opacity:${opts.opacity};mix-blend-mode:multiply;pointer-events:none">
  <defs><path id="${id}" d="M ${sx.toFixed(1)} ${sy.toFixed(1)} A ${tx.toFixed(1)} ${ty.toFixed(1)} 0 1 1 ${ex.toFixed(1)} ${sy.toFixed(1)}"/></defs>
  <ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="none" stroke="${color}" stroke-width="${Math.max(3, h * 0.03).toFixed(1)}"/>
  <text font-family="Noto Serif CJK SC" font-weight="700" font-size="${fontSize}" fill="${color}"><textPath href="#${id}" startOffset="50%" text-anchor="middle">${esc(opts.top)}</textPath></text>
  ${star}
  ${opts.bottom ? `<text x="${cx}" y="${(cy + h * 0.3).toFixed(1)}" text-anchor="middle" font-family="Noto Serif CJK SC" font-weight="700" font-size="${Math.round(h * 0.11)}" fill="${color}">${esc(opts.bottom)}</text>` : ''}
</svg>`;
}

export const BASE_CSS = `
  * { box-sizing: border-box; }
  html, body { margin: 0; background: #fff; }
  body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; color: #111; }
  #sheet { position: relative; width: 1000px; padding: 28px 36px 64px; background: #fff; }
  .title { text-align: center; font-size: 27px; font-weight: 700; letter-spacing: 2px; margin: 6px 0 14px; }
  .row { display: flex; justify-content: space-between; font-size: 15px; line-height: 26px; }
  .lbl { color: #222; }
  .val { font-family: 'Noto Sans CJK SC', sans-serif; }
  table { border-collapse: collapse; width: 100%; font-size: 15px; }
  td, th { font-weight: 400; }
  .qr { position: absolute; }
  .mono { font-family: 'Noto Sans Mono CJK SC', monospace; }
`;

export interface RenderInput {
  v: InvoiceValues;
  qrDataUrl: string | null;
  rng: Rng;
}

export function page(body: string, css: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${BASE_CSS}${css}</style></head><body>${body}</body></html>`;
}

/** Line items laid out in `groups` column groups of (name, amount, blank). */
export function itemGroups(v: InvoiceValues, groups: number, minRows: number, amount: (cents: number) => string = moneyGrouped): string[][] {
  const rows = Math.max(minRows, Math.ceil(v.items.length / groups));
  const out: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let g = 0; g < groups; g++) {
      const it = v.items[g * rows + r];
      cells.push(it ? `<td class="iname">${esc(it.name)}</td><td class="iamt val">${amount(it.cents)}</td><td></td>` : '<td></td><td></td><td></td>');
    }
    out.push(cells);
  }
  return out;
}

// ---------- printed forms ----------

export type DateStyle = 'iso' | 'cn' | 'compact' | 'dot' | 'slash';

/** A date as printed: 2024-11-05 / 2024年11月05日 / 20241105 / 2024.11.05 / 2024/11/05. */
export function printDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-');
  switch (style) {
    case 'cn': return `${y}年${m}月${d}日`;
    case 'compact': return `${y}${m}${d}`;
    case 'dot': return `${y}.${m}.${d}`;
    case 'slash': return `${y}/${m}/${d}`;
    default: return iso;
  }
}

/** A period as printed: "20240102-20240110", "2024-01-02至2024-01-10", "自2024年01月02日至2024年01月10日" … */
export function printPeriod(p: [string, string], rng: Rng): string {
  const style = rng.pick(['compact-dash', 'iso-zhi', 'cn-zhi', 'dot-dash', 'cn-from'] as const);
  switch (style) {
    case 'compact-dash': return `${printDate(p[0], 'compact')}-${printDate(p[1], 'compact')}`;
    case 'iso-zhi': return `${p[0]}至${p[1]}`;
    case 'cn-zhi': return `${printDate(p[0], 'cn')}至${printDate(p[1], 'cn')}`;
    case 'dot-dash': return `${printDate(p[0], 'dot')}-${printDate(p[1], 'dot')}`;
    default: return `自${printDate(p[0], 'cn')}至${printDate(p[1], 'cn')}`;
  }
}

/** Days between the two dates of a stay. */
export function stayDays(p: [string, string]): number {
  return Math.round((Date.parse(p[1]) - Date.parse(p[0])) / 86400000);
}

// ---------- wording pools (national standard + older provincial forms) ----------

export const WORDS = {
  /** the person who paid (the national form says 交款人; older forms 姓名 / 患者姓名) */
  payer: ['交款人', '姓名', '患者姓名'],
  /** the visit type's label and its printed values */
  visitLabel: ['门诊类别', '就诊类别', '医疗类别', '就诊类型'],
  fund: ['医保统筹基金支付', '统筹基金支付', '医保统筹支付'],
  cash: ['个人现金支付', '现金支付', '个人支付金额'],
  account: ['个人账户支付'],
  hospital: ['收款单位（章）', '收款单位（盖章）', '医疗机构（盖章）', '医疗机构名称'],
  insurance: ['医保类型', '参保类型'],
  upper: ['金额合计（大写）', '合计（大写）'],
  issueDate: ['开票日期'],
} as const;

export type WordKey = keyof typeof WORDS;

/** Picks one wording per key (deterministic from `rng`). */
export function pickWords(rng: Rng): { [K in WordKey]: string } {
  const out = {} as { [K in WordKey]: string };
  for (const k of Object.keys(WORDS) as WordKey[]) out[k] = rng.pick(WORDS[k]);
  return out;
}

/** Font families of the printed data and the form (Noto CJK is what this machine has: serif, sans, mono). */
export const FONTS = ["'Noto Serif CJK SC', serif", "'Noto Sans CJK SC', sans-serif", "'Noto Sans Mono CJK SC', monospace"] as const;

/** Random CSS for one invoice: fonts, text size, weight, letter spacing. */
export function fontCss(rng: Rng, sel: { form: string; data: string }): string {
  const form = rng.pick(FONTS);
  const data = rng.pick(FONTS);
  const size = rng.int(14, 17);
  return `${sel.form} { font-family: ${form}; font-size: ${size}px; letter-spacing: ${rng.pick([0, 0, 0.5, 1])}px; }
  ${sel.data} { font-family: ${data}; font-weight: ${rng.pick([400, 400, 500, 700])}; }`;
}

/** Shuffles a copy (Fisher–Yates) with the layout's rng. */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Seal inscription of a hospital's finance seal: the name, sometimes with 财务专用章 / 收费专用章 below. */
export function hospitalSeal(v: InvoiceValues, rng: Rng, at: { left: number; y: number; size?: number }): string {
  return seal({
    top: v.hospital,
    bottom: rng.pick(['财务专用章', '收费专用章', '门诊收费专用章', '住院收费专用章']),
    star: true,
    left: at.left,
    y: at.y,
    size: at.size ?? rng.int(112, 128),
    rotate: rng.int(-25, 25),
    opacity: rng.range(0.72, 0.85),
  });
}

/** The oval 监制章 over the title. */
export function titleSeal(provinceName: string, rng: Rng, at: { left: number; y: number }): string {
  return seal({
    top: rng.pick([`${provinceName}财政厅监制`, '医疗收费票据监制', `${provinceName}财政厅票据监制章`]),
    bottom: rng.pick(['票据监制章', '财政部监制', '监制章']),
    oval: true,
    left: at.left,
    y: at.y,
    size: rng.int(82, 94),
    rotate: rng.int(-8, 8),
    opacity: rng.range(0.75, 0.85),
  });
}
