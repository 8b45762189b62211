// 山东 fiscal e-invoice (held out): the hospital printed under the title (医疗机构名称), the header codes in one
// row, payments in a 结算信息 table with the labels in one row and the values in the row below.
import { compactDate, moneyGrouped, moneyUpper, money } from '../values';
import { esc, fontCss, hospitalSeal, itemGroups, page, printDate, shuffle, titleSeal, type RenderInput } from './common';

export function shandong({ v, qrDataUrl, rng }: RenderInput): string {
  const date = printDate(v.issueDate, rng.pick(['iso', 'cn'] as const));
  const codes = shuffle(rng, [['票据代码', v.invoiceCode], ['票据号码', v.invoiceNumber], ['校验码', v.checkCode ?? '']] as Array<[string, string]>);
  const rows = itemGroups(v, 3, 3).map((cells) => `<tr>${cells.join('')}</tr>`).join('');
  const settle: Array<[string, string]> = [
    [rng.pick(['医保统筹基金支付', '统筹基金支付']), money(v.fundCents)], ['其他支付', '0.00'], ['个人账户支付', money(v.accountCents)],
    [rng.pick(['个人现金支付', '现金支付']), money(v.cashCents)], ['个人自付', money(v.accountCents + v.cashCents - v.selfPayCents)],
  ];
  const other = [`门诊号：${v.recordNo}`, `就诊日期：${compactDate(v.issueDate)}`, `${rng.pick(['医保类型', '参保类型'])}：${v.insuranceTypeText}`, `性别：${v.gender}`];
  if (v.visitType === 'emergency' || rng.chance(0.3)) other.splice(rng.int(0, other.length), 0, `${rng.pick(['就诊类型', '门诊类别', '就诊类别'])}：${v.visitWord}`);
  const body = `<div id="sheet">
  ${qrDataUrl ? `<img class="qr" src="${qrDataUrl}" style="right:${rng.int(30, 44)}px;top:${rng.int(14, 22)}px;width:86px;height:86px">` : ''}
  <div class="title">${esc(v.title)}</div>
  ${titleSeal(v.provinceName, rng, { left: 400 + rng.int(-50, 60), y: 4 })}
  <div class="row"><div><span class="k">医疗机构名称：</span><span class="d">${esc(v.hospital)}</span></div><div><span class="k">开票日期：</span><span class="d">${date}</span></div></div>
  <div class="row">${codes.map(([k, val]) => `<div><span class="k">${k}：</span><span class="d">${val}</span></div>`).join('')}</div>
  <div class="row"><div><span class="k">交款人：</span><span class="d">${esc(v.payerName)}</span></div><div><span class="k">交款人统一社会信用代码：</span><span class="d">${v.payerId}</span></div></div>
  <table class="items">
    <tr class="head"><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th></tr>
    ${rows}
  </table>
  <table class="sum"><tr><td><span class="k">金额合计（大写）</span><span class="d">${moneyUpper(v.totalCents)}</span></td><td><span class="k">（小写）</span><span class="d">${moneyGrouped(v.totalCents)}</span></td></tr></table>
  <table class="settle"><tr><td class="cap" rowspan="2">结算信息</td>${settle.map(([k]) => `<td class="k">${k}</td>`).join('')}</tr><tr>${settle.map(([, val]) => `<td class="d">${val}</td>`).join('')}</tr></table>
  <div class="other"><span class="k">其他信息：</span>${esc(other.join('　'))}</div>
  <div class="row foot"><div style="position:relative"><span class="k">收款单位（章）：</span><span class="d">${esc(v.hospital)}</span>${hospitalSeal(v, rng, { left: rng.int(60, 200), y: -50 })}</div><div><span class="k">复核人：</span>系统</div><div><span class="k">收款人：</span>${v.cashier}</div></div>
</div>`;
  return page(
    body,
    `
  .title { margin: ${rng.int(10, 20)}px 0 ${rng.int(20, 30)}px; }
  .row { padding-right: ${qrDataUrl ? 110 : 0}px; }
  table.items, table.sum, table.settle { border: 1.5px solid #333; }
  table.items { margin-top: 8px; }
  table.items th { border-bottom: 1px solid #333; padding: 4px; font-size: 14px; }
  table.items td { padding: 2px 6px; height: 24px; }
  table.items td.iamt { text-align: right; padding-right: 16px; }
  table.sum { border-top: 0; } table.sum td { padding: 6px 8px; }
  table.settle { border-top: 0; font-size: 14px; }
  table.settle td { border: 1px solid #333; padding: 4px 6px; text-align: center; }
  table.settle td.cap { width: 40px; writing-mode: vertical-rl; letter-spacing: 4px; }
  .other { border: 1.5px solid #333; border-top: 0; padding: 5px 8px; font-size: 14px; }
  .foot { margin-top: 12px; }
  ${fontCss(rng, { form: '#sheet', data: '.d, .iamt' })}
`,
  );
}
