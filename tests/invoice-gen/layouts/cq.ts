// 重庆 住院 fiscal e-invoice (dev-only): no grid in the header — each field printed as a small label above its
// value, four to a row in a drawn order, 医疗机构名称 among them at the top (the hospital's seal over it), the
// stay as 入院日期 and 出院日期 apart or as one 住院时间; the payments as a band with a row of labels over a row
// of values in a drawn order (大病保险支付 / 医疗救助支付 / 个人自付 / 预缴金额 among them); dates as 2024.11.05 or
// 20241105; the QR at the foot.
import { moneyGrouped, moneyUpper, money } from '../values';
import { esc, fontCss, hospitalSeal, itemGroups, page, printDate, printPeriod, shuffle, stayDays, titleSeal, type RenderInput } from './common';

export function chongqing({ v, qrDataUrl, rng }: RenderInput): string {
  const p = v.hospitalizationPeriod ?? [v.issueDate, v.issueDate];
  const dateStyle = rng.pick(['dot', 'compact', 'iso'] as const);
  const st = (k: string, val: string, extra = '') => `<div class="st"${extra}><div class="k">${k}</div><div class="d">${esc(val)}</div></div>`;
  const ids = shuffle(rng, [st('票据代码', v.invoiceCode), st('票据号码', v.invoiceNumber), st('校验码', v.checkCode ?? ''), st('开票日期', printDate(v.issueDate, dateStyle))]);
  const apart = rng.chance(0.5);
  const stay = apart
    ? [st(rng.pick(['入院日期', '入院时间']), printDate(p[0], dateStyle)), st(rng.pick(['出院日期', '出院时间']), printDate(p[1], dateStyle))]
    : [st(rng.pick(['住院时间', '住院日期']), printPeriod(p, rng))];
  const who = [
    st('交款人', v.payerName),
    st(rng.pick(['交款人统一社会信用代码', '身份证号码']), v.payerId),
    `<div class="st hosp" style="position:relative"><div class="k">医疗机构名称</div><div class="d">${esc(v.hospital)}</div>${hospitalSeal(v, rng, { left: rng.int(20, 140), y: -40 })}</div>`,
  ];
  const stayRow = shuffle(rng, [st('住院号', v.recordNo), st(rng.pick(['住院科别', '科别']), rng.pick(['内科', '外科', '心内科', '骨科', '神经内科'])), ...stay, st('住院天数', String(stayDays(p)))]);
  const insRow = [st(rng.pick(['医保类型', '参保类型']), v.insuranceTypeText), st('医保编号', v.insuranceNo), st('性别', v.gender), st('医疗机构类型', v.hospitalKind)];
  const prepaid = Math.ceil(v.totalCents / 100000) * 100000;
  const band: Array<[string, string]> = shuffle(rng, [
    [rng.pick(['医保统筹基金支付', '统筹基金支付', '医保统筹支付']), money(v.fundCents)],
    ['大病保险支付', '0.00'],
    ['医疗救助支付', '0.00'],
    ['个人账户支付', money(v.accountCents)],
    [rng.pick(['个人现金支付', '现金支付']), money(v.cashCents)],
    ['个人自付', money(v.accountCents + v.cashCents - v.selfPayCents)],
    ['预缴金额', money(prepaid)],
  ]);
  const rows = itemGroups(v, 3, 3).map((cells) => `<tr>${cells.join('')}</tr>`).join('');
  const body = `<div id="sheet">
  <div class="title">${esc(v.title)}</div>
  ${titleSeal(v.provinceName, rng, { left: 420 + rng.int(-60, 60), y: 4 })}
  <div class="srow">${ids.join('')}</div>
  <div class="srow">${who.join('')}</div>
  <div class="srow">${stayRow.join('')}</div>
  <table class="items"><tr class="head"><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th></tr>${rows}</table>
  <div class="total"><span class="k">${rng.pick(['金额合计（大写）', '合计（大写）'])}</span><span class="d">${moneyUpper(v.totalCents)}</span><span class="k gap">（小写）</span><span class="d">${moneyGrouped(v.totalCents)}</span></div>
  <table class="band"><tr>${band.map(([k]) => `<td class="k">${k}</td>`).join('')}</tr><tr>${band.map(([, val]) => `<td class="d">${val}</td>`).join('')}</tr></table>
  <div class="srow">${insRow.join('')}</div>
  <div class="row foot"><div><span class="k">业务流水号：</span><span class="d">${v.serialNo}</span></div><div><span class="k">收款人：</span>${v.cashier}</div><div><span class="k">复核人：</span>${rng.pick(['系统', '王芳'])}</div></div>
  ${qrDataUrl ? `<img class="qr" src="${qrDataUrl}" style="${rng.chance(0.5) ? 'left' : 'right'}:${rng.int(30, 60)}px;bottom:${rng.int(8, 16)}px;width:86px;height:86px">` : ''}
</div>`;
  const line = rng.pick(['#555', '#6a4c35', '#2d4a6b']);
  return page(
    body,
    `
  #sheet { padding-bottom: ${qrDataUrl ? 120 : 40}px; }
  .title { margin-bottom: ${rng.int(18, 30)}px; }
  .srow { display: flex; gap: ${rng.int(18, 40)}px; margin: ${rng.int(6, 12)}px ${rng.int(0, 20)}px; }
  .st { flex: 1; min-width: 0; }
  .st.hosp { flex: 2; }
  .st .k { font-size: ${rng.int(12, 14)}px; color: ${rng.pick(['#666', '#555', '#7a5a3a'])}; }
  .st .d { font-size: ${rng.int(15, 17)}px; margin-top: ${rng.int(0, 4)}px; white-space: nowrap; }
  table.items { margin-top: 10px; border-top: 1.5px solid ${line}; border-bottom: 1.5px solid ${line}; }
  table.items th { border-bottom: 1px solid ${line}; padding: 4px 6px; font-size: 14px; }
  table.items td { padding: 2px 6px; height: 24px; }
  table.items td.iamt { text-align: right; padding-right: 16px; }
  .total { margin: 10px 0; font-size: 15px; }
  .total .gap { margin-left: ${rng.int(40, 120)}px; }
  table.band { border: 1.5px solid ${line}; font-size: 14px; }
  table.band td { border: 1px solid ${line}; padding: 4px 6px; text-align: center; white-space: nowrap; }
  .foot { margin-top: ${rng.int(10, 18)}px; }
  ${fontCss(rng, { form: '#sheet', data: '.d, .iamt' })}
`,
  );
}

