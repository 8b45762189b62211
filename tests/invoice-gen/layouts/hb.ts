// 湖北 provincial paper 住院收费票据: a bordered form in coloured ink, 患者姓名 / 住院号 / 科别, 住院日期 in
// several printed forms, 预交 / 补交 / 退款金额 beside the payments, the date at the foot (label or not).
import { moneyGrouped, moneyUpper, money } from '../values';
import { esc, fontCss, hospitalSeal, itemGroups, page, printDate, printPeriod, stayDays, titleSeal, type RenderInput } from './common';

export function hubei({ v, rng }: RenderInput): string {
  const INK = rng.pick(['#1d3f8f', '#7a1f1f', '#20502a']);
  const p = v.hospitalizationPeriod ?? [v.issueDate, v.issueDate];
  const payer = rng.pick(['患者姓名', '姓名']);
  const prepaid = Math.ceil(v.totalCents / 100000) * 100000;
  const refund = Math.max(0, prepaid - v.accountCents - v.cashCents);
  const dateLabel = rng.chance(0.4) ? rng.pick(['填制日期', '开票日期']) : null;
  const date = printDate(v.issueDate, rng.pick(['cn', 'dot', 'iso'] as const));
  const rows = itemGroups(v, 3, 3).map((cells) => `<tr>${cells.join('')}</tr>`).join('');
  const body = `<div id="sheet">
  <div class="title">${esc(v.title)}</div>
  ${titleSeal(v.provinceName, rng, { left: 420 + rng.int(-50, 50), y: 2 })}
  <div class="row top"><div><span class="k">票据代码</span> <span class="d">${v.invoiceCode}</span></div><div><span class="k">票据号码</span> <span class="serial">${v.invoiceNumber}</span></div></div>
  <table class="form">
    <tr><td class="k">${payer}</td><td class="d">${esc(v.payerName)}</td><td class="k">住院号</td><td class="d">${v.recordNo}</td><td class="k">科别</td><td class="d">${rng.pick(['内科', '外科', '妇产科', '儿科', '骨科'])}</td></tr>
    <tr><td class="k">${rng.pick(['住院日期', '住院时间'])}</td><td class="d" colspan="3">${printPeriod(p, rng)}</td><td class="k">住院天数</td><td class="d">${stayDays(p)}</td></tr>
    <tr><td class="k">${rng.pick(['医疗类别', '就诊类别'])}</td><td class="d">住院</td><td class="k">${rng.pick(['参保类型', '医保类型'])}</td><td class="d" colspan="3">${esc(v.insuranceTypeText)}</td></tr>
  </table>
  <table class="items"><tr><th>项目</th><th>金额</th><th></th><th>项目</th><th>金额</th><th></th><th>项目</th><th>金额</th><th></th></tr>${rows}</table>
  <table class="form">
    <tr><td class="k">${rng.pick(['合计（大写）', '金额合计（大写）'])}</td><td class="d" colspan="3">${moneyUpper(v.totalCents)}</td><td class="k">（小写）</td><td class="d">¥${moneyGrouped(v.totalCents)}</td></tr>
    <tr><td class="k">预交金额</td><td class="d">${money(prepaid)}</td><td class="k">补交金额</td><td class="d">0.00</td><td class="k">退款金额</td><td class="d">${money(refund)}</td></tr>
    <tr><td class="k">${rng.pick(['统筹基金支付', '医保统筹支付', '医保统筹基金支付'])}</td><td class="d">${money(v.fundCents)}</td><td class="k">个人账户支付</td><td class="d">${money(v.accountCents)}</td><td class="k">${rng.pick(['现金支付', '个人现金支付', '个人支付金额'])}</td><td class="d">${money(v.cashCents)}</td></tr>
  </table>
  <div class="row foot"><div style="position:relative"><span class="k">${rng.pick(['医疗机构（盖章）', '收款单位（章）'])}：</span><span class="d">${esc(v.hospital)}</span>${hospitalSeal(v, rng, { left: rng.int(80, 240), y: -50 })}</div><div><span class="k">收款员：</span><span class="d">${v.cashier}</span></div><div>${dateLabel ? `<span class="k">${dateLabel}：</span>` : ''}<span class="d">${date}</span></div></div>
</div>`;
  return page(
    body,
    `
  #sheet { background: ${rng.pick(['#fbfaf5', '#fff', '#f9f6ee'])}; }
  .title { color: ${INK}; }
  .k, th { color: ${INK}; }
  .serial { color: #a3141a; font-size: 18px; letter-spacing: 1px; }
  table.form, table.items { border: 1.5px solid ${INK}; margin-top: 8px; }
  table.form td { border: 1px solid ${INK}; padding: 5px 8px; }
  table.form td.k { white-space: nowrap; width: 1%; }
  table.items th { border-bottom: 1px solid ${INK}; padding: 3px; }
  table.items td { padding: 2px 10px; height: 25px; }
  table.items td.iamt { text-align: right; }
  .foot { margin-top: ${rng.int(14, 24)}px; }
  ${fontCss(rng, { form: '#sheet', data: '.d, .iamt, .iname, .serial' })}
`,
  );
}
