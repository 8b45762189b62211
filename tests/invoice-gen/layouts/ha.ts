// 河南 provincial paper 门急诊收费票据 (dev-only): every field in a bordered label | value list — the label in the
// left column, its value in the right one, one pair a row — beside a one-column items table (a label row shares
// its line with an item); the payments as their own label | value list in a drawn order with 个人自付 / 个人自费 /
// 其他支付 among them; the date labelled in the list as 20241105 or 2024.11.05; the hospital's seal over the total
// or over the items table, never over its name.
import { moneyGrouped, moneyUpper, money } from '../values';
import { esc, fontCss, hospitalSeal, page, printDate, shuffle, titleSeal, type RenderInput } from './common';

export function henan({ v, rng }: RenderInput): string {
  const INK = rng.pick(['#1d3f8f', '#6b1d1d', '#1f4d3a', '#333']);
  const kv = (k: string, val: string, cls = 'd') => `<tr><td class="k">${k}</td><td class="${cls}">${esc(val)}</td></tr>`;
  const date = printDate(v.issueDate, rng.pick(['compact', 'dot', 'dot', 'cn'] as const));
  const patient = [
    kv(rng.pick(['姓名', '患者姓名', '交款人']), v.payerName),
    kv('性别', v.gender),
    kv(rng.pick(['就诊类别', '医疗类别', '门诊类别']), v.visitWord),
    kv(rng.pick(['参保类型', '医保类型']), v.insuranceTypeText),
    kv(rng.pick(['社会保障号码', '身份证号码']), v.payerId),
    kv(rng.pick(['门诊号', '病历号']), v.recordNo),
    kv(rng.pick(['开票日期', '收费日期', '填制日期']), date),
  ];
  const head = [patient[0]!, ...shuffle(rng, patient.slice(1))];
  const items = v.items.map((it) => `<tr><td class="iname">${esc(it.name)}</td><td class="iamt d">${moneyGrouped(it.cents)}</td></tr>`);
  while (items.length < head.length) items.push('<tr><td class="iname">&nbsp;</td><td></td></tr>');
  const pays = shuffle(rng, [
    kv(rng.pick(['统筹基金支付', '医保统筹支付', '医保统筹基金支付']), money(v.fundCents)),
    kv(rng.pick(['个人账户支付', '个人帐户支付']), money(v.accountCents)),
    kv(rng.pick(['个人现金支付', '现金支付', '个人支付金额']), money(v.cashCents)),
    kv('其他支付', '0.00'),
    kv('个人自付', money(v.accountCents + v.cashCents - v.selfPayCents)),
    kv('个人自费', money(v.selfPayCents)),
  ]);
  const half = Math.ceil(pays.length / 2);
  const sealOnTotal = rng.chance(0.6);
  const body = `<div id="sheet">
  <div class="title">${esc(v.title)}</div>
  ${titleSeal(v.provinceName, rng, { left: 400 + rng.int(-60, 60), y: 4 })}
  <div class="row top"><div><span class="k">票据代码：</span><span class="d">${v.invoiceCode}</span></div><div class="no">${rng.pick(['No.', '票据号码：'])}<span class="serial">${v.invoiceNumber}</span></div></div>
  <div class="panes" style="position:relative">${sealOnTotal ? '' : hospitalSeal(v, rng, { left: rng.int(640, 760), y: rng.int(120, 180) })}
    <table class="kv left">${head.join('')}</table>
    <table class="items"><tr><th>收费项目</th><th>金额（元）</th></tr>${items.join('')}</table>
  </div>
  <div class="panes">
    <table class="kv">${pays.slice(0, half).join('')}</table>
    <table class="kv">${pays.slice(half).join('')}</table>
  </div>
  <table class="kv sum"><tr><td class="k">${rng.pick(['合计（大写）', '金额合计（大写）'])}</td><td class="d">${moneyUpper(v.totalCents)}</td><td class="k">（小写）</td><td class="d" style="position:relative">¥${moneyGrouped(v.totalCents)}${sealOnTotal ? hospitalSeal(v, rng, { left: rng.int(-30, 40), y: -50 }) : ''}</td></tr>
  <tr><td class="k">${rng.pick(['收款单位（章）', '医疗机构（盖章）', '收款单位（盖章）'])}</td><td class="d">${esc(v.hospital)}</td><td class="k">${rng.pick(['收款人', '收款员'])}</td><td class="d">${v.cashier}</td></tr></table>
</div>`;
  return page(
    body,
    `
  #sheet { background: ${rng.pick(['#fff', '#fcfbf6', '#f8f8f4'])}; padding-top: ${rng.int(20, 36)}px; }
  .title { color: ${INK}; font-size: ${rng.int(24, 28)}px; }
  .k, th, .no { color: ${INK}; }
  .serial { color: #a3141a; font-size: 18px; letter-spacing: 1px; margin-left: 6px; }
  .panes { display: flex; gap: ${rng.int(10, 24)}px; margin-top: ${rng.int(6, 12)}px; align-items: flex-start; }
  .panes > table { flex: 1; }
  table.kv, table.items { border: 1.5px solid ${INK}; }
  table.kv td { border: 1px solid ${INK}; padding: ${rng.int(3, 6)}px 8px; }
  table.kv td.k { white-space: nowrap; width: ${rng.int(34, 42)}%; text-align: ${rng.pick(['left', 'center', 'right'])}; }
  table.kv.sum { margin-top: ${rng.int(8, 14)}px; }
  table.kv.sum td.k { width: 1%; }
  table.items th { border: 1px solid ${INK}; padding: 3px; }
  table.items td { padding: ${rng.int(3, 6)}px 10px; border-right: 1px solid ${INK}; }
  table.items td.iamt { text-align: right; }
  ${fontCss(rng, { form: '#sheet', data: '.d, .iamt, .iname, .serial' })}
`,
  );
}
