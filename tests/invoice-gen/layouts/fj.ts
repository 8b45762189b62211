// 福建 住院 fiscal e-invoice (held out): every header and payment field in a bordered cell with a small label on
// top and the value below it, 参保类型, 住院时间 in one of several printed forms, 预缴 / 退费金额 among the cells.
import { moneyGrouped, moneyUpper, money } from '../values';
import { esc, fontCss, hospitalSeal, itemGroups, page, printDate, printPeriod, shuffle, stayDays, titleSeal, type RenderInput } from './common';

export function fujian({ v, qrDataUrl, rng }: RenderInput): string {
  const p = v.hospitalizationPeriod ?? [v.issueDate, v.issueDate];
  const cell = (k: string, val: string, span = 1) => `<td colspan="${span}"><div class="k">${k}</div><div class="d">${esc(val)}</div></td>`;
  const prepaid = Math.ceil(v.totalCents / 100000) * 100000;
  const head = shuffle(rng, [cell('票据代码', v.invoiceCode), cell('票据号码', v.invoiceNumber), cell('校验码', v.checkCode ?? ''), cell('开票日期', printDate(v.issueDate, rng.pick(['iso', 'cn'] as const)))]);
  const who = [cell('交款人', v.payerName), cell('交款人统一社会信用代码', v.payerId, 2), cell(rng.pick(['参保类型', '医保类型']), v.insuranceTypeText)];
  const stay = [cell(rng.pick(['住院时间', '住院日期']), printPeriod(p, rng), 2), cell('住院天数', String(stayDays(p))), cell('住院号', v.recordNo)];
  const pays = shuffle(rng, [
    cell(rng.pick(['医保统筹基金支付', '统筹基金支付']), money(v.fundCents)), cell('个人账户支付', money(v.accountCents)),
    cell(rng.pick(['个人现金支付', '现金支付']), money(v.cashCents)), cell('预缴金额', money(prepaid)),
  ]);
  const refund = [cell('补缴金额', '0.00'), cell('退费金额', money(Math.max(0, prepaid - v.accountCents - v.cashCents))), cell('其他支付', '0.00'), cell('个人自费', money(v.selfPayCents))];
  const rows = itemGroups(v, 2, 4).map((cells) => `<tr>${cells.join('')}</tr>`).join('');
  const body = `<div id="sheet">
  ${qrDataUrl ? `<img class="qr" src="${qrDataUrl}" style="left:${rng.int(30, 44)}px;top:${rng.int(10, 20)}px;width:90px;height:90px">` : ''}
  <div class="title">${esc(v.title)}</div>
  ${titleSeal(v.provinceName, rng, { left: 420 + rng.int(-60, 40), y: 6 })}
  <table class="cells"><tr>${head.join('')}</tr><tr>${who.join('')}</tr><tr>${stay.join('')}</tr></table>
  <table class="items"><tr class="head"><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th></tr>${rows}</table>
  <table class="cells"><tr>${cell('金额合计（大写）', moneyUpper(v.totalCents), 3)}${cell('金额合计（小写）', moneyGrouped(v.totalCents))}</tr><tr>${pays.join('')}</tr><tr>${refund.join('')}</tr></table>
  <div class="row foot"><div style="position:relative"><span class="k2">收款单位（章）：</span><span class="d">${esc(v.hospital)}</span>${hospitalSeal(v, rng, { left: rng.int(60, 220), y: -52 })}</div><div><span class="k2">复核人：</span>系统核验</div><div><span class="k2">收款人：</span>${v.cashier}</div></div>
</div>`;
  const line = rng.pick(['#555', '#6b4a2a', '#2a4a6b']);
  return page(
    body,
    `
  .title { margin: ${rng.int(14, 24)}px 0 ${rng.int(26, 36)}px; }
  table.cells, table.items { border: 1.5px solid ${line}; margin-top: 8px; table-layout: fixed; }
  table.cells td { border: 1px solid ${line}; padding: 3px 8px 5px; vertical-align: top; }
  table.cells .k { font-size: 12px; color: #666; }
  table.cells .d { font-size: 16px; }
  table.items th { border-bottom: 1px solid ${line}; padding: 4px; font-size: 14px; }
  table.items td { padding: 2px 8px; height: 24px; }
  table.items td.iamt { text-align: right; }
  .foot { margin-top: 14px; }
  ${fontCss(rng, { form: '#sheet', data: '.d, .iamt' })}
`,
  );
}
