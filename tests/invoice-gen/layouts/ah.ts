// 安徽 provincial paper 门诊收费票据: a bordered table, the value in the next cell, 姓名 / 门诊类别 (急诊) /
// 医保统筹支付 / 个人支付金额 wording, the date printed at the foot with or without a label, no 校验码.
import { moneyGrouped, moneyUpper, money } from '../values';
import { esc, fontCss, hospitalSeal, itemGroups, page, printDate, titleSeal, type RenderInput } from './common';

export function anhui({ v, rng }: RenderInput): string {
  const INK = rng.pick(['#1d3f8f', '#7a1f1f', '#20502a', '#2b2b2b']);
  const payer = rng.pick(['姓名', '患者姓名', '交款人']);
  const visitLabel = rng.pick(['门诊类别', '就诊类别', '医疗类别']);
  const fund = rng.pick(['医保统筹支付', '统筹基金支付', '医保统筹基金支付']);
  const cash = rng.pick(['个人支付金额', '现金支付', '个人现金支付']);
  const hosp = rng.pick(['收款单位（章）', '医疗机构（盖章）', '收款单位（盖章）']);
  const ins = rng.pick(['参保类型', '医保类型']);
  const dateLabel = rng.chance(0.35) ? rng.pick(['开票日期', '填制日期']) : null;
  const date = printDate(v.issueDate, rng.pick(['cn', 'cn', 'dot', 'iso'] as const));
  const groups = rng.int(2, 3);
  const rows = itemGroups(v, groups, 3).map((cells) => `<tr>${cells.join('')}</tr>`).join('');
  const head = Array.from({ length: groups }, () => '<th>项目</th><th>金额</th><th></th>').join('');
  const cols = groups * 3;
  const sealLeft = rng.int(60, 200);
  const body = `<div id="sheet">
  <div class="title">${esc(v.title)}</div>
  ${titleSeal(v.provinceName, rng, { left: 420 + rng.int(-60, 60), y: 4 })}
  <div class="row top"><div><span class="k">票据代码：</span><span class="d">${v.invoiceCode}</span></div><div class="no">No.<span class="serial">${v.invoiceNumber}</span></div></div>
  <table class="form">
    <tr><td class="k">${payer}</td><td class="d">${esc(v.payerName)}</td><td class="k">性别</td><td class="d">${v.gender}</td><td class="k">${visitLabel}</td><td class="d">${v.visitWord}</td></tr>
    <tr><td class="k">${ins}</td><td class="d">${esc(v.insuranceTypeText)}</td><td class="k">社会保障号码</td><td class="d">${v.payerId}</td><td class="k">门诊号</td><td class="d">${v.recordNo}</td></tr>
  </table>
  <table class="items"><tr>${head}</tr>${rows}</table>
  <table class="form">
    <tr><td class="k">合计（大写）</td><td class="d" colspan="${Math.max(1, cols / 2 - 1)}">${moneyUpper(v.totalCents)}</td><td class="k">（小写）</td><td class="d">¥${moneyGrouped(v.totalCents)}</td></tr>
  </table>
  <table class="form">
    <tr><td class="k">${fund}</td><td class="d">${money(v.fundCents)}</td><td class="k">个人账户支付</td><td class="d">${money(v.accountCents)}</td><td class="k">${cash}</td><td class="d">${money(v.cashCents)}</td></tr>
  </table>
  <div class="row foot"><div style="position:relative"><span class="k">${hosp}：</span><span class="d">${esc(v.hospital)}</span>${hospitalSeal(v, rng, { left: sealLeft, y: -50 })}</div><div><span class="k">收款人：</span><span class="d">${v.cashier}</span></div><div>${dateLabel ? `<span class="k">${dateLabel}：</span>` : ''}<span class="d">${date}</span></div></div>
</div>`;
  return page(
    body,
    `
  #sheet { background: ${rng.pick(['#fff', '#fbfaf5', '#f7f9fb'])}; padding-top: ${rng.int(20, 40)}px; }
  .title { color: ${INK}; font-size: ${rng.int(24, 29)}px; }
  .k, th, .no { color: ${INK}; }
  .serial { color: #a3141a; font-size: 18px; letter-spacing: 1px; margin-left: 6px; }
  table.form, table.items { border: 1.5px solid ${INK}; margin-top: ${rng.int(6, 12)}px; }
  table.form td { border: 1px solid ${INK}; padding: ${rng.int(4, 7)}px 8px; }
  table.form td.k { white-space: nowrap; width: 1%; }
  table.items th { border-bottom: 1px solid ${INK}; padding: 3px; }
  table.items td { padding: 2px 10px; height: 25px; }
  table.items td.iamt { text-align: right; }
  .top { margin-bottom: 4px; }
  .foot { margin-top: ${rng.int(14, 26)}px; }
  ${fontCss(rng, { form: '#sheet', data: '.d, .iamt, .iname, .serial' })}
`,
  );
}
