// 北京 住院 fiscal e-invoice: the header in two stacked columns (交款人 / 开票日期 on the left, 代码 / 号码 /
// 校验码 on the right), QR top left, 预缴 / 补缴 / 退费金额 among the payments (not payments of this invoice).
import { moneyGrouped, moneyUpper, money } from '../values';
import { esc, fontCss, hospitalSeal, itemGroups, page, printDate, printPeriod, shuffle, stayDays, titleSeal, type RenderInput } from './common';

/** Side of the QR code (CSS px) and the least height of the title's line (27-px CJK type; Noto CJK ≈ 39). */
const QR_SIDE = 90;
const TITLE_LINE_MIN = 36;

export function beijing({ v, qrDataUrl, rng }: RenderInput): string {
  const p = v.hospitalizationPeriod ?? [v.issueDate, v.issueDate];
  const kv = (k: string, val: string) => `<div class="kv"><span class="k">${k}：</span><span class="d">${esc(val)}</span></div>`;
  const left = [kv('交款人', v.payerName), kv('交款人统一社会信用代码', v.payerId), kv('开票日期', printDate(v.issueDate, rng.pick(['iso', 'cn'] as const)))];
  const right = shuffle(rng, [kv('票据代码', v.invoiceCode), kv('票据号码', v.invoiceNumber), kv('校验码', v.checkCode ?? '')]);
  const rows = itemGroups(v, 3, 4).map((cells) => `<tr>${cells.join('')}</tr>`).join('');
  const prepaid = Math.ceil(v.totalCents / 100000) * 100000 + rng.int(0, 5) * 100000;
  const refund = prepaid - v.accountCents - v.cashCents;
  const other: Array<[string, string]> = [
    ['业务流水号', v.serialNo], ['病历号', v.recordNo], ['住院号', v.recordNo.slice(2)], ['住院科别', rng.pick(['内科', '外科', '心内科', '骨科', '呼吸内科'])],
    [rng.pick(['住院时间', '住院日期']), printPeriod(p, rng)], ['住院天数', String(stayDays(p))],
    ['预缴金额', money(prepaid)], ['补缴金额', '0.00'], ['退费金额', money(Math.max(0, refund))],
    ['医疗机构类型', v.hospitalKind], [rng.pick(['医保类型', '参保类型']), v.insuranceTypeText], ['性别', v.gender],
    [rng.pick(['医保统筹基金支付', '统筹基金支付']), money(v.fundCents)], ['其他支付', '0.00'], ['个人账户支付', money(v.accountCents)],
    ['个人现金支付', money(v.cashCents)], ['个人自付', money(v.accountCents + v.cashCents - v.selfPayCents)], ['个人自费', money(v.selfPayCents)],
  ];
  const perRow = rng.pick([3, 4]);
  const otherRows: string[] = [];
  for (let i = 0; i < other.length; i += perRow) otherRows.push(`<tr>${other.slice(i, i + perRow).map(([k, val]) => `<td><span class="k">${k}：</span><span class="d">${esc(val)}</span></td>`).join('')}</tr>`);
  const qrAt = qrDataUrl ? { left: rng.int(34, 48), top: rng.int(16, 24) } : null;
  const body = `<div id="sheet">
  ${qrDataUrl && qrAt ? `<img class="qr" src="${qrDataUrl}" style="left:${qrAt.left}px;top:${qrAt.top}px;width:${QR_SIDE}px;height:${QR_SIDE}px">` : ''}
  <div class="title">${esc(v.title)}</div>
  ${titleSeal(v.provinceName, rng, { left: 430 + rng.int(-60, 50), y: 2 })}
  <div class="hdr"><div class="col">${left.join('')}</div><div class="col right">${right.join('')}</div></div>
  <table class="items">
    <tr class="head"><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th></tr>
    ${rows}
  </table>
  <table class="total"><tr><td style="width:60%"><span class="k">金额合计（大写）</span><span class="d">${moneyUpper(v.totalCents)}</span></td><td><span class="k">（小写）</span><span class="d">${moneyGrouped(v.totalCents)}</span></td></tr></table>
  <table class="other"><tr><td class="vl" rowspan="${otherRows.length + 1}">其<br>他<br>信<br>息</td></tr>${otherRows.join('')}</table>
  <div class="row foot"><div style="position:relative"><span class="k">收款单位（章）：</span><span class="d">${esc(v.hospital)}</span>${hospitalSeal(v, rng, { left: rng.int(100, 230), y: -52 })}</div><div><span class="k">复核人：</span>${rng.pick(['系统核验', '李红'])}</div><div><span class="k">收款人：</span>${v.cashier}</div></div>
</div>`;
  const padTop = rng.int(24, 36);
  const titleGap = rng.int(22, 34);
  // The header starts below the QR code (a short top margin and title put the 交款人 row under the code, where
  // it cannot be read): its top is the sheet's padding, the title's margin and line, and the gap under the title.
  const hdrTop = padTop + 6 + TITLE_LINE_MIN + titleGap;
  const clearQr = qrAt ? Math.max(0, qrAt.top + QR_SIDE + 4 - hdrTop) : 0;
  return page(
    body,
    `
  #sheet { padding-top: ${padTop}px; }
  .title { margin-bottom: ${titleGap}px; }
  .hdr { display: flex; justify-content: space-between; padding: ${clearQr}px ${rng.int(20, 130)}px 0 ${rng.int(0, 20)}px; line-height: 26px; }
  .hdr .right { min-width: 250px; }
  table.items { margin-top: 8px; border: 1.5px solid #333; }
  table.items th { border-bottom: 1px solid #333; padding: 4px 6px; font-size: 14px; }
  table.items td { padding: 2px 6px; height: 24px; }
  table.items td.iamt { text-align: right; padding-right: 20px; }
  table.total { border: 1.5px solid #333; border-top: 0; }
  table.total td { padding: 6px 8px; }
  table.other { border: 1.5px solid #333; border-top: 0; font-size: 14px; }
  table.other td { padding: 2px 6px; height: 22px; white-space: nowrap; }
  table.other td.vl { width: 34px; text-align: center; line-height: 22px; border-right: 1px solid #333; }
  .foot { margin-top: 10px; }
  ${fontCss(rng, { form: '#sheet', data: '.d, .iamt' })}
`,
  );
}
