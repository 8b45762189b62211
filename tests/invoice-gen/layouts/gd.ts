// 广东 fiscal e-invoice: header fields in grid cells with the label above the value, a shuffled 其他信息
// grid, the visit type printed only sometimes (急诊 when it is one), QR on either side.
import { compactDate, moneyGrouped, moneyUpper, money } from '../values';
import { esc, fontCss, hospitalSeal, itemGroups, page, printDate, shuffle, titleSeal, type RenderInput } from './common';

export function guangdong({ v, qrDataUrl, rng }: RenderInput): string {
  const stacked = (k: string, val: string, cls = '') => `<td class="st ${cls}"><div class="k">${k}</div><div class="d">${esc(val)}</div></td>`;
  const date = printDate(v.issueDate, rng.pick(['iso', 'iso', 'cn'] as const));
  const head1 = shuffle(rng, [stacked('票据代码', v.invoiceCode), stacked('票据号码', v.invoiceNumber), stacked('校验码', v.checkCode ?? ''), stacked('开票日期', date)]);
  const payerLabel = rng.pick(['交款人', '交款人', '患者姓名']);
  const head2 = [stacked(payerLabel, v.payerName), `<td class="st" colspan="2"><div class="k">交款人统一社会信用代码</div><div class="d">${v.payerId}</div></td>`, stacked('医疗机构类型', v.hospitalKind)];
  const rows = itemGroups(v, 3, 3).map((cells) => `<tr>${cells.join('')}</tr>`).join('');
  const other: Array<[string, string]> = [
    ['业务流水号', v.serialNo], ['门诊号', v.recordNo], ['就诊日期', compactDate(v.issueDate)],
    [rng.pick(['医保类型', '参保类型']), v.insuranceTypeText], ['医保编号', v.insuranceNo], ['性别', v.gender],
    [rng.pick(['医保统筹基金支付', '统筹基金支付']), money(v.fundCents)], ['其他支付', '0.00'], ['个人账户支付', money(v.accountCents)],
    [rng.pick(['个人现金支付', '现金支付']), money(v.cashCents)], ['个人自付', money(v.accountCents + v.cashCents - v.selfPayCents)], ['个人自费', money(v.selfPayCents)],
  ];
  if (v.visitType === 'emergency' || rng.chance(0.4)) other.push([rng.pick(['就诊类型', '门诊类别']), v.visitWord]);
  const cells = shuffle(rng, other).map(([k, val]) => `<td><span class="k">${k}：</span><span class="d">${esc(val)}</span></td>`);
  const otherRows: string[] = [];
  for (let i = 0; i < cells.length; i += 3) otherRows.push(`<tr>${cells.slice(i, i + 3).join('')}</tr>`);
  const qrLeft = rng.chance(0.5);
  const body = `<div id="sheet">
  ${qrDataUrl ? `<img class="qr" src="${qrDataUrl}" style="${qrLeft ? 'left' : 'right'}:${rng.int(30, 50)}px;top:${rng.int(14, 26)}px;width:92px;height:92px">` : ''}
  <div class="title" style="margin-top:${rng.int(18, 30)}px;margin-bottom:${rng.int(30, 40)}px">${esc(v.title)}</div>
  ${titleSeal(v.provinceName, rng, { left: 420 + rng.int(-60, 40), y: 10 })}
  <table class="hdr"><tr>${head1.join('')}</tr><tr>${head2.join('')}</tr></table>
  <table class="items">
    <tr class="head"><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th></tr>
    ${rows}
  </table>
  <table class="sum"><tr><td class="k">${rng.pick(['金额合计（大写）', '合计（大写）'])}</td><td class="d">${moneyUpper(v.totalCents)}</td><td class="k">（小写）</td><td class="d">¥${moneyGrouped(v.totalCents)}</td></tr></table>
  <table class="other"><tr><td class="vl" rowspan="${otherRows.length + 1}">其他信息</td></tr>${otherRows.join('')}</table>
  <div class="row foot"><div style="position:relative"><span class="k">收款单位（章）：</span><span class="d">${esc(v.hospital)}</span>${hospitalSeal(v, rng, { left: rng.int(40, 200), y: -46 })}</div><div><span class="k">复核人：</span>${rng.pick(['系统', '自动审核', '张敏'])}</div><div><span class="k">收款人：</span>${v.cashier}</div></div>
</div>`;
  const line = rng.pick(['#444', '#7a5a3a', '#2d4a6b']);
  return page(
    body,
    `
  table.hdr, table.items, table.sum, table.other { border: 1.5px solid ${line}; }
  table.hdr td { border: 1px solid ${line}; padding: 4px 10px; vertical-align: top; }
  td.st .k { font-size: 12px; color: #555; }
  td.st .d { font-size: 16px; margin-top: 2px; }
  table.items { margin-top: 8px; }
  table.items th { border-bottom: 1px solid ${line}; padding: 4px 6px; font-size: 14px; }
  table.items td { padding: 2px 6px; height: 24px; }
  table.items td.iamt { text-align: right; padding-right: 18px; }
  table.sum { border-top: 0; }
  table.sum td { padding: 6px 8px; border-top: 1px solid ${line}; }
  table.sum td.k { white-space: nowrap; width: 1%; }
  table.other { border-top: 0; font-size: 14px; }
  table.other td { padding: 3px 8px; height: 24px; white-space: nowrap; }
  table.other td.vl { width: 40px; writing-mode: vertical-rl; text-align: center; border-right: 1px solid ${line}; letter-spacing: 6px; }
  .foot { margin-top: ${rng.int(10, 20)}px; }
  ${fontCss(rng, { form: '#sheet', data: '.d, .iamt' })}
`,
  );
}
