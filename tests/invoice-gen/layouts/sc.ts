// 四川 门急诊 fiscal e-invoice: the header as a bordered label | value grid (shaded label cells), the visit type
// in the header (急诊 / 急诊留观 / 门诊), payments as label | value pairs, the rest of 其他信息 as one run of text.
import { moneyGrouped, moneyUpper, money } from '../values';
import { esc, fontCss, hospitalSeal, itemGroups, page, printDate, shuffle, titleSeal, type RenderInput } from './common';

export function sichuan({ v, qrDataUrl, rng }: RenderInput): string {
  const pair = (k: string, val: string) => `<td class="k">${k}</td><td class="d">${esc(val)}</td>`;
  const visitLabel = rng.pick(['门诊类别', '就诊类别', '就诊类型', '医疗类别']);
  const date = printDate(v.issueDate, rng.pick(['iso', 'cn', 'dot'] as const));
  const hdr = shuffle(rng, [pair('票据代码', v.invoiceCode), pair('票据号码', v.invoiceNumber), pair('校验码', v.checkCode ?? '')]);
  const hdr2 = [pair(rng.pick(['交款人', '患者姓名']), v.payerName), pair('开票日期', date), pair(visitLabel, v.visitWord)];
  const rows = itemGroups(v, 2, 3).map((cells) => `<tr>${cells.join('')}</tr>`).join('');
  const pays = shuffle(rng, [
    pair(rng.pick(['医保统筹基金支付', '统筹基金支付', '医保统筹支付']), money(v.fundCents)),
    pair('个人账户支付', money(v.accountCents)),
    pair(rng.pick(['个人现金支付', '现金支付']), money(v.cashCents)),
  ]);
  const text = [`门诊号：${v.recordNo}`, `${rng.pick(['医保类型', '参保类型'])}：${v.insuranceTypeText}`, `性别：${v.gender}`, `医疗机构类型：${v.hospitalKind}`, `其他支付：0.00`, `个人自费：${money(v.selfPayCents)}`].join('　');
  const body = `<div id="sheet">
  ${qrDataUrl ? `<img class="qr" src="${qrDataUrl}" style="right:${rng.int(30, 46)}px;top:${rng.int(12, 22)}px;width:88px;height:88px">` : ''}
  <div class="title" style="margin-top:${rng.int(14, 26)}px;margin-bottom:${rng.int(28, 38)}px">${esc(v.title)}</div>
  ${titleSeal(v.provinceName, rng, { left: 410 + rng.int(-50, 60), y: 8 })}
  <table class="grid"><tr>${hdr.join('')}</tr><tr>${hdr2.join('')}</tr></table>
  <table class="items">
    <tr class="head"><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th></tr>
    ${rows}
  </table>
  <table class="grid"><tr><td class="k">${rng.pick(['金额合计（大写）', '合计（大写）'])}</td><td class="d" colspan="3">${moneyUpper(v.totalCents)}</td><td class="k">（小写）</td><td class="d">¥${moneyGrouped(v.totalCents)}</td></tr>
  <tr>${pays.join('')}</tr>
  <tr><td class="k">其他信息</td><td class="d otxt" colspan="5">${esc(text)}</td></tr></table>
  <div class="row foot"><div style="position:relative"><span class="k">${rng.pick(['收款单位（章）', '收款单位（盖章）'])}：</span><span class="d">${esc(v.hospital)}</span>${hospitalSeal(v, rng, { left: rng.int(60, 220), y: -48 })}</div><div><span class="k">复核人：</span>${rng.pick(['系统', '自动'])}</div><div><span class="k">收款人：</span>${v.cashier}</div></div>
</div>`;
  const line = rng.pick(['#5a4a3a', '#3a4a5a', '#444']);
  const shade = rng.pick(['#f6efe6', '#eef3f8', '#f4f4f4', '#fff']);
  return page(
    body,
    `
  table.grid, table.items { border: 1.5px solid ${line}; margin-top: 8px; }
  table.grid td { border: 1px solid ${line}; padding: 5px 8px; }
  table.grid td.k { background: ${shade}; white-space: nowrap; width: 1%; }
  table.grid td.otxt { font-size: 14px; line-height: 22px; }
  table.items th { border-bottom: 1px solid ${line}; padding: 4px 6px; background: ${shade}; }
  table.items td { padding: 2px 8px; height: 25px; }
  table.items td.iamt { text-align: right; }
  .foot { margin-top: ${rng.int(14, 22)}px; }
  ${fontCss(rng, { form: '#sheet', data: '.d, .iamt' })}
`,
  );
}
