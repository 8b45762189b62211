// 江苏 paper receipt: form in blue ink, serial number in red, 姓名 for the payer, the date at the foot, no 校验码.
import { cnDate, moneyGrouped, moneyUpper, money } from '../values';
import { esc, itemGroups, page, seal, type RenderInput } from './common';

/** Jiangsu paper receipt: form printed in blue ink, serial number in red, data in black, date at the bottom, no 校验码. */
export function jiangsu({ v, rng }: RenderInput): string {
  const INK = '#1d3f8f';
  const rows = itemGroups(v, 2, 4)
    .map((cells) => `<tr>${cells.join('')}</tr>`)
    .join('');
  const visit = v.visitWord;
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
