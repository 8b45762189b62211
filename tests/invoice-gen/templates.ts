/**
 * HTML + CSS for each invoice layout. Rendered by headless Chromium with the Noto CJK fonts.
 * Sizes are CSS px; the generator renders at deviceScaleFactor 1.8 (≈ 1800 px wide images).
 */
import { cnDate, compactDate, moneyGrouped, moneyUpper, money, type InvoiceValues } from './values';
import type { Rng } from './rng';

const RED = '#d7261e';

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

let sealId = 0;

/** A round official seal (hospital 财务专用章) or an oval 监制章, as semi-transparent red SVG. */
export function seal(opts: { top: string; bottom?: string; star?: boolean; oval?: boolean; left: number; y: number; size: number; rotate: number; opacity: number }): string {
  const id = `arc${++sealId}`;
  const w = opts.oval ? opts.size * 1.45 : opts.size;
  const h = opts.size;
  const cx = w / 2;
  const cy = h / 2;
  const rx = cx - 4;
  const ry = cy - 4;
  const tx = rx * 0.78;
  const ty = ry * 0.78;
  const sx = cx - tx * Math.cos(Math.PI / 6);
  const sy = cy + ty * Math.sin(Math.PI / 6);
  const ex = cx + tx * Math.cos(Math.PI / 6);
  const fontSize = Math.round(Math.min(h * 0.15, (Math.PI * tx * 1.3) / Math.max(4, opts.top.length)));
  const star = opts.star
    ? `<polygon fill="${RED}" points="${Array.from({ length: 10 }, (_, i) => {
        const r = i % 2 ? h * 0.07 : h * 0.17;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        return `${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`;
      }).join(' ')}"/>`
    : '';
  return `<svg class="seal" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" style="position:absolute;left:${opts.left}px;top:${opts.y}px;transform:rotate(${opts.rotate}deg);opacity:${opts.opacity};mix-blend-mode:multiply;pointer-events:none">
  <defs><path id="${id}" d="M ${sx.toFixed(1)} ${sy.toFixed(1)} A ${tx.toFixed(1)} ${ty.toFixed(1)} 0 1 1 ${ex.toFixed(1)} ${sy.toFixed(1)}"/></defs>
  <ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="none" stroke="${RED}" stroke-width="${Math.max(3, h * 0.03).toFixed(1)}"/>
  <text font-family="Noto Serif CJK SC" font-weight="700" font-size="${fontSize}" fill="${RED}"><textPath href="#${id}" startOffset="50%" text-anchor="middle">${esc(opts.top)}</textPath></text>
  ${star}
  ${opts.bottom ? `<text x="${cx}" y="${(cy + h * 0.3).toFixed(1)}" text-anchor="middle" font-family="Noto Serif CJK SC" font-weight="700" font-size="${Math.round(h * 0.11)}" fill="${RED}">${esc(opts.bottom)}</text>` : ''}
</svg>`;
}

const BASE_CSS = `
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

function page(body: string, css: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${BASE_CSS}${css}</style></head><body>${body}</body></html>`;
}

function itemGroups(v: InvoiceValues, groups: number, minRows: number): string[][] {
  const rows = Math.max(minRows, Math.ceil(v.items.length / groups));
  const out: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let g = 0; g < groups; g++) {
      const it = v.items[g * rows + r];
      cells.push(it ? `<td class="iname">${esc(it.name)}</td><td class="iamt val">${moneyGrouped(it.cents)}</td><td></td>` : '<td></td><td></td><td></td>');
    }
    out.push(cells);
  }
  return out;
}

/** Shanghai fiscal e-invoice (门诊 / 住院), laid out like the real redacted sample. */
export function shanghai({ v, qrDataUrl, rng }: RenderInput): string {
  const inpatient = v.visitType === 'inpatient';
  const rows = itemGroups(v, 3, inpatient ? 4 : 3)
    .map((cells) => `<tr>${cells.join('')}</tr>`)
    .join('');
  const period = v.hospitalizationPeriod ? `${compactDate(v.hospitalizationPeriod[0])}-${compactDate(v.hospitalizationPeriod[1])}` : '';
  const days = v.hospitalizationPeriod
    ? Math.round((Date.parse(v.hospitalizationPeriod[1]) - Date.parse(v.hospitalizationPeriod[0])) / 86400000)
    : 0;
  const personalPay = v.accountCents + v.cashCents;
  const other: Array<[string, string]> = inpatient
    ? [
        ['业务流水号', v.serialNo], ['病历号', v.recordNo], ['住院号', v.recordNo.slice(2)], ['住院科别', '内科'],
        ['住院时间', period], ['预缴金额', money(Math.ceil(v.totalCents / 100000) * 100000)], ['补缴金额', '0.00'], ['退费金额', '0.00'],
        ['医疗机构类型', v.hospitalKind], ['医保类型', v.insuranceTypeText], ['医保编号', v.insuranceNo], ['性别', v.gender],
        ['医保统筹基金支付', money(v.fundCents)], ['其他支付', '0.00'], ['个人账户支付', money(v.accountCents)], ['个人现金支付', money(v.cashCents)],
        ['个人自付', money(personalPay)], ['个人自费', money(v.selfPayCents)], ['附加基金支付', '0.00'], ['住院天数', String(days)],
        ['分类自负', money(v.classSelfCents)], ['自负', money(v.classSelfCents)], ['医保当年账户余额', '0.00'], ['医保历年账户余额', money(v.insuranceType === 'employee' ? 123456 : 0)],
      ]
    : [
        ['业务流水号', v.serialNo], ['门诊号', v.recordNo], ['就诊日期', compactDate(v.issueDate)], ['医疗机构类型', v.hospitalKind],
        ['医保类型', v.insuranceTypeText], ['医保编号', v.insuranceNo], ['性别', v.gender], ['其他支付', '0.00'],
        ['医保统筹基金支付', money(v.fundCents)], ['个人账户支付', money(v.accountCents)], ['个人现金支付', money(v.cashCents)], ['个人自付', money(personalPay)],
        ['个人自费', money(v.selfPayCents)], ['附加基金支付', '0.00'], ['分类自负', money(v.classSelfCents)], ['医保当年账户余额', '0.00'],
      ];
  const otherRows: string[] = [];
  for (let i = 0; i < other.length; i += 4) {
    otherRows.push(
      `<tr>${other
        .slice(i, i + 4)
        .map(([k, val]) => `<td><span class="lbl">${k}：</span><span class="val">${esc(val)}</span></td>`)
        .join('')}</tr>`,
    );
  }
  const sealTitle = seal({ top: '医疗收费票据监制', bottom: '财政部监制', oval: true, left: 420 + rng.int(-40, 40), y: 8 + rng.int(-6, 10), size: 92, rotate: rng.int(-8, 8), opacity: 0.82 });
  const sealHosp = seal({ top: v.hospital, bottom: '财务专用章', star: true, left: 215 + rng.int(-25, 60), y: -48, size: 118, rotate: rng.int(-20, 20), opacity: 0.8 });
  const body = `<div id="sheet">
  ${qrDataUrl ? `<img class="qr" src="${qrDataUrl}" style="right:40px;top:22px;width:96px;height:96px">` : ''}
  <div class="title">${esc(v.title)}</div>
  ${sealTitle}
  <div class="row" style="padding-right:${qrDataUrl ? 120 : 0}px"><div><span class="lbl">票据代码：</span><span class="val">${v.invoiceCode}</span></div><div style="width:260px"><span class="lbl">票据号码：</span><span class="val">${v.invoiceNumber}</span></div></div>
  <div class="row" style="padding-right:${qrDataUrl ? 120 : 0}px"><div><span class="lbl">交款人统一社会信用代码：</span><span class="val">${v.payerId}</span></div><div style="width:260px"><span class="lbl">校验码：</span><span class="val">${v.checkCode ?? ''}</span></div></div>
  <div class="row" style="padding-right:${qrDataUrl ? 120 : 0}px"><div><span class="lbl">交款人：</span><span class="val">${esc(v.payerName)}</span></div><div style="width:260px"><span class="lbl">开票日期：</span><span class="val">${v.issueDate}</span></div></div>
  <table class="items">
    <tr class="head"><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th></tr>
    ${rows}
    <tr class="spacer"><td colspan="9"></td></tr>
  </table>
  <table class="total"><tr><td style="width:62%"><span class="lbl">金额合计（大写）</span><span>${moneyUpper(v.totalCents)}</span></td><td><span class="lbl">（小写）</span><span class="val">${moneyGrouped(v.totalCents)}</span></td></tr></table>
  <table class="other"><tr><td class="vlabel" rowspan="${otherRows.length + 1}">其<br>他<br>信<br>息</td></tr>${otherRows.join('')}</table>
  <div class="row foot"><div style="position:relative"><span class="lbl">收款单位（章）：</span><span>${esc(v.hospital)}</span>${sealHosp}</div><div><span class="lbl">复核人：</span>系统核验</div><div><span class="lbl">收款人：</span>${v.cashier}</div></div>
</div>`;
  return page(
    body,
    `
  table.items { margin-top: 8px; border: 1.5px solid #333; }
  table.items th { border-bottom: 1px solid #333; padding: 4px 6px; font-size: 14px; }
  table.items td { padding: 2px 6px; height: 24px; }
  table.items td.iamt { text-align: right; padding-right: 22px; }
  table.items tr.spacer td { height: ${inpatient ? 60 : 70}px; }
  table.total { border: 1.5px solid #333; border-top: 0; }
  table.total td { padding: 6px 8px; }
  table.other { border: 1.5px solid #333; border-top: 0; font-size: 14px; }
  table.other td { padding: 2px 6px; height: 22px; white-space: nowrap; }
  table.other td.vlabel { width: 34px; text-align: center; line-height: 22px; border-right: 1px solid #333; }
  .foot { margin-top: 10px; font-size: 15px; }
`,
  );
}

/** Zhejiang fiscal e-invoice: bordered header grid, 2 item groups, 其他信息 as one run of text. */
export function zhejiang({ v, qrDataUrl, rng }: RenderInput): string {
  const rows = itemGroups(v, 2, 3)
    .map((cells) => `<tr>${cells.join('')}</tr>`)
    .join('');
  const visit = v.visitType === 'emergency' ? '急诊' : '普通门诊';
  const otherText = [
    `门诊号：${v.recordNo}`,
    `就诊日期：${compactDate(v.issueDate)}`,
    `就诊类型：${visit}`,
    `医疗机构类型：${v.hospitalKind}`,
    `医保类型：${v.insuranceTypeText}`,
    `性别：${v.gender}`,
    `医保统筹基金支付：${money(v.fundCents)}`,
    `其他支付：0.00`,
    `个人账户支付：${money(v.accountCents)}`,
    `个人现金支付：${money(v.cashCents)}`,
    `个人自付：${money(v.accountCents + v.cashCents - v.selfPayCents)}`,
    `个人自费：${money(v.selfPayCents)}`,
  ].join('　');
  const sealTitle = seal({ top: '浙江省财政厅监制', bottom: '票据监制章', oval: true, left: 430 + rng.int(-50, 40), y: 6 + rng.int(-4, 8), size: 88, rotate: rng.int(-6, 6), opacity: 0.8 });
  const sealHosp = seal({ top: v.hospital, bottom: '收费专用章', star: true, left: 120 + rng.int(-20, 60), y: -40, size: 120, rotate: rng.int(-25, 25), opacity: 0.78 });
  const body = `<div id="sheet">
  ${qrDataUrl ? `<img class="qr" src="${qrDataUrl}" style="left:40px;top:18px;width:92px;height:92px">` : ''}
  <div class="title" style="margin-top:20px;margin-bottom:28px">${esc(v.title)}</div>
  ${sealTitle}
  <table class="hdr">
    <tr><td class="k">票据代码</td><td class="val">${v.invoiceCode}</td><td class="k">票据号码</td><td class="val">${v.invoiceNumber}</td></tr>
    <tr><td class="k">校验码</td><td class="val">${v.checkCode ?? ''}</td><td class="k">开票日期</td><td class="val">${cnDate(v.issueDate)}</td></tr>
    <tr><td class="k">交款人</td><td>${esc(v.payerName)}</td><td class="k">交款人统一社会信用代码</td><td class="val">${v.payerId}</td></tr>
  </table>
  <table class="items">
    <tr class="head"><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th></tr>
    ${rows}
  </table>
  <table class="sum">
    <tr><td class="k">金额合计（大写）</td><td>${moneyUpper(v.totalCents)}</td><td class="k">（小写）</td><td class="val">¥${moneyGrouped(v.totalCents)}</td></tr>
    <tr><td class="k">其他信息</td><td colspan="3" class="otxt">${esc(otherText)}</td></tr>
  </table>
  <div class="row foot"><div style="position:relative"><span class="lbl">收款单位（章）：</span><span>${esc(v.hospital)}</span>${sealHosp}</div><div><span class="lbl">复核人：</span>自动</div><div><span class="lbl">收款人：</span>${v.cashier}</div></div>
</div>`;
  return page(
    body,
    `
  table.hdr, table.items, table.sum { border: 1.5px solid #5a4a3a; }
  table.hdr td { border: 1px solid #8a7a6a; padding: 4px 8px; }
  table.hdr td.k, table.sum td.k { background: #f6efe6; white-space: nowrap; width: 1%; }
  table.items { margin-top: 8px; }
  table.items th { border-bottom: 1px solid #8a7a6a; padding: 4px 6px; background: #f6efe6; }
  table.items td { padding: 2px 8px; height: 25px; }
  table.items td.iamt { text-align: right; }
  table.sum { margin-top: 8px; }
  table.sum td { border: 1px solid #8a7a6a; padding: 5px 8px; }
  table.sum td.otxt { font-size: 14px; line-height: 22px; }
  .foot { margin-top: 18px; }
`,
  );
}

/** Jiangsu paper receipt: form printed in blue ink, serial number in red, data in black, date at the bottom, no 校验码. */
export function jiangsu({ v, rng }: RenderInput): string {
  const INK = '#1d3f8f';
  const rows = itemGroups(v, 2, 4)
    .map((cells) => `<tr>${cells.join('')}</tr>`)
    .join('');
  const visit = v.visitType === 'emergency' ? '急诊' : '门诊';
  const sealTitle = seal({ top: '江苏省财政厅监制', bottom: '票据监制章', oval: true, left: 430 + rng.int(-40, 40), y: 4, size: 84, rotate: rng.int(-6, 6), opacity: 0.78 });
  const sealHosp = seal({ top: v.hospital, bottom: '门诊收费专用章', star: true, left: 110 + rng.int(-20, 60), y: -44, size: 124, rotate: rng.int(-25, 25), opacity: 0.8 });
  const dx = rng.int(-4, 4);
  const body = `<div id="sheet">
  <div class="title" style="color:${INK}">${esc(v.title)}</div>
  <div class="sub">（${visit}）</div>
  ${sealTitle}
  <div class="row"><div><span class="lbl">票据代码：</span><span class="data">${v.invoiceCode}</span></div><div class="no">票据号码 No. <span class="serial">${v.invoiceNumber}</span></div></div>
  <table class="form">
    <tr><td class="k">姓名</td><td class="data">${esc(v.payerName)}</td><td class="k">性别</td><td class="data">${v.gender}</td><td class="k">医保类型</td><td class="data">${esc(v.insuranceTypeText)}</td></tr>
    <tr><td class="k">社会保障号码</td><td class="data" colspan="3">${v.payerId}</td><td class="k">业务流水号</td><td class="data">${v.serialNo}</td></tr>
  </table>
  <table class="items">
    <tr><th>项目</th><th>金额</th><th></th><th>项目</th><th>金额</th><th></th></tr>
    ${rows}
  </table>
  <table class="form">
    <tr><td class="k">合计（大写）</td><td class="data" colspan="3">${moneyUpper(v.totalCents)}</td><td class="k">¥</td><td class="data">${moneyGrouped(v.totalCents)}</td></tr>
    <tr><td class="k">统筹基金支付</td><td class="data">${money(v.fundCents)}</td><td class="k">个人账户支付</td><td class="data">${money(v.accountCents)}</td><td class="k">个人现金支付</td><td class="data">${money(v.cashCents)}</td></tr>
  </table>
  <div class="row foot"><div style="position:relative"><span class="lbl">收款单位（盖章）：</span><span class="data">${esc(v.hospital)}</span>${sealHosp}</div><div><span class="lbl">收款人：</span><span class="data">${v.cashier}</span></div><div><span class="lbl">开票日期：</span><span class="data">${cnDate(v.issueDate)}</span></div></div>
</div>`;
  return page(
    body,
    `
  #sheet { background: #fbfaf5; }
  .lbl, .k, th, .no, .sub { color: ${INK}; }
  .sub { text-align: center; font-size: 16px; margin-top: -10px; margin-bottom: 6px; }
  .data { font-family: 'Noto Sans Mono CJK SC', monospace; color: #151515; position: relative; left: ${dx}px; }
  .serial { color: #a3141a; font-family: 'Noto Sans Mono CJK SC', monospace; font-size: 18px; letter-spacing: 1px; }
  table.form, table.items { border: 1.5px solid ${INK}; margin-top: 8px; }
  table.form td { border: 1px solid ${INK}; padding: 5px 8px; }
  table.form td.k { white-space: nowrap; width: 1%; }
  table.items th { border-bottom: 1px solid ${INK}; padding: 3px; }
  table.items td { padding: 2px 10px; height: 25px; }
  table.items td.iname { color: #151515; }
  table.items td.iamt { text-align: right; font-family: 'Noto Sans Mono CJK SC', monospace; }
  .foot { margin-top: 16px; }
`,
  );
}

export function renderHtml(input: RenderInput): string {
  switch (input.v.template) {
    case 'sh-outpatient':
    case 'sh-inpatient':
      return shanghai(input);
    case 'zj-outpatient':
      return zhejiang(input);
    case 'js-outpatient':
      return jiangsu(input);
  }
}
