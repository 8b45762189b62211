// 湖南 provincial paper 门急诊 receipt (held out): a narrow slip, one label per line with the value pushed to
// the right edge, items as a list, the visit type (急诊留观 …) in the body, the date alone at the foot.
import { moneyGrouped, moneyUpper, money } from '../values';
import { esc, fontCss, hospitalSeal, page, printDate, titleSeal, type RenderInput } from './common';

export function hunan({ v, rng }: RenderInput): string {
  const INK = rng.pick(['#1d3f8f', '#2b2b2b', '#7a1f1f']);
  const line = (k: string, val: string, cls = '') => `<div class="ln ${cls}"><span class="k">${k}</span><span class="d">${esc(val)}</span></div>`;
  const items = v.items.map((it) => line(it.name, moneyGrouped(it.cents), 'item')).join('');
  const date = printDate(v.issueDate, rng.pick(['compact', 'iso', 'cn', 'dot'] as const));
  const body = `<div id="sheet">
  <div class="title">${esc(v.title)}</div>
  ${titleSeal(v.provinceName, rng, { left: 200 + rng.int(-40, 40), y: 0 })}
  ${line('票据代码', v.invoiceCode)}
  ${line('票据号码', v.invoiceNumber, 'serial')}
  ${line(rng.pick(['姓名', '患者姓名']), v.payerName)}
  ${line('性别', v.gender)}
  ${line(rng.pick(['门诊类别', '就诊类别', '医疗类别']), v.visitWord)}
  ${line(rng.pick(['参保类型', '医保类型']), v.insuranceTypeText)}
  <div class="rule"></div>
  ${items}
  <div class="rule"></div>
  ${line('合计（大写）', moneyUpper(v.totalCents))}
  ${line('合计（小写）', `¥${moneyGrouped(v.totalCents)}`)}
  ${line(rng.pick(['统筹基金支付', '医保统筹支付']), money(v.fundCents))}
  ${line('个人账户支付', money(v.accountCents))}
  ${line(rng.pick(['现金支付', '个人支付金额', '个人现金支付']), money(v.cashCents))}
  <div class="rule"></div>
  <div class="ln hosp" style="position:relative"><span class="k">${rng.pick(['收款单位（章）', '医疗机构（盖章）'])}</span><span class="d">${esc(v.hospital)}</span>${hospitalSeal(v, rng, { left: rng.int(180, 300), y: -56, size: rng.int(108, 120) })}</div>
  ${line('收款员', v.cashier)}
  <div class="date">${date}</div>
</div>`;
  return page(
    body,
    `
  #sheet { width: ${rng.int(600, 680)}px; padding: 24px 30px 40px; background: ${rng.pick(['#fff', '#fbfaf5'])}; border: 2px solid ${INK}; }
  .title { color: ${INK}; font-size: ${rng.int(22, 26)}px; letter-spacing: 1px; margin-bottom: 22px; }
  .ln { display: flex; justify-content: space-between; line-height: ${rng.int(27, 32)}px; border-bottom: 1px dotted #bbb; }
  .ln .k { color: ${INK}; white-space: nowrap; margin-right: 24px; }
  .ln .d { text-align: right; }
  .ln.item .k { color: #222; padding-left: 12px; }
  .serial .d { color: #a3141a; letter-spacing: 1px; }
  .rule { border-top: 1.5px solid ${INK}; margin: 6px 0; }
  .date { text-align: right; margin-top: 18px; }
  ${fontCss(rng, { form: '#sheet', data: '.d, .date' })}
`,
  );
}
