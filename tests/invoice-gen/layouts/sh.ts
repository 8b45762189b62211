// 上海 fiscal e-invoice (门诊 / 住院), laid out like the real redacted sample (the reference layout).
import { compactDate, moneyGrouped, moneyUpper, money } from '../values';
import { esc, itemGroups, page, seal, type RenderInput } from './common';

/** Shanghai fiscal e-invoice (门诊 / 住院), laid out like the real redacted sample. */
export function shanghai({ v, qrDataUrl, rng }: RenderInput): string {
  const inpatient = v.visitType === 'inpatient';
  const rows = itemGroups(v, 3, inpatient ? 4 : 3)
    .map((cells) => `<tr>${cells.join('')}</tr>`)
    .join('');
  const period = v.hospitalizationPeriod ? `${compactDate(v.hospitalizationPeriod[0])}-${compactDate(v.hospitalizationPeriod[1])}` : '';
  const days = v.hospitalizationPeriod
    ? Math.round((Date.parse(v.hospitalizationPeriod[1]) - Date.parse(v.hospitalizationPeriod[0])) / 86400000)
    : 0;
  const personalPay = v.accountCents + v.cashCents;
  const other: Array<[string, string]> = inpatient
    ? [
        ['业务流水号', v.serialNo], ['病历号', v.recordNo], ['住院号', v.recordNo.slice(2)], ['住院科别', '内科'],
        ['住院时间', period], ['预缴金额', money(Math.ceil(v.totalCents / 100000) * 100000)], ['补缴金额', '0.00'], ['退费金额', '0.00'],
        ['医疗机构类型', v.hospitalKind], ['医保类型', v.insuranceTypeText], ['医保编号', v.insuranceNo], ['性别', v.gender],
        ['医保统筹基金支付', money(v.fundCents)], ['其他支付', '0.00'], ['个人账户支付', money(v.accountCents)], ['个人现金支付', money(v.cashCents)],
        ['个人自付', money(personalPay)], ['个人自费', money(v.selfPayCents)], ['附加基金支付', '0.00'], ['住院天数', String(days)],
        ['分类自负', money(v.classSelfCents)], ['自负', money(v.classSelfCents)], ['医保当年账户余额', '0.00'], ['医保历年账户余额', money(v.insuranceType === 'employee' ? 123456 : 0)],
      ]
    : [
        ['业务流水号', v.serialNo], ['门诊号', v.recordNo], ['就诊日期', compactDate(v.issueDate)], ['医疗机构类型', v.hospitalKind],
        ['医保类型', v.insuranceTypeText], ['医保编号', v.insuranceNo], ['性别', v.gender], ['其他支付', '0.00'],
        ['医保统筹基金支付', money(v.fundCents)], ['个人账户支付', money(v.accountCents)], ['个人现金支付', money(v.cashCents)], ['个人自付', money(personalPay)],
        ['个人自费', money(v.selfPayCents)], ['附加基金支付', '0.00'], ['分类自负', money(v.classSelfCents)], ['医保当年账户余额', '0.00'],
      ];
  const otherRows: string[] = [];
  for (let i = 0; i < other.length; i += 4) {
    otherRows.push(
      `<tr>${other
        .slice(i, i + 4)
        .map(([k, val]) => `<td><span class="lbl">${k}：</span><span class="val">${esc(val)}</span></td>`)
        .join('')}</tr>`,
    );
  }
  const sealTitle = seal({ top: '医疗收费票据监制', bottom: '财政部监制', oval: true, left: 420 + rng.int(-40, 40), y: 8 + rng.int(-6, 10), size: 92, rotate: rng.int(-8, 8), opacity: 0.82 });
  const sealHosp = seal({ top: v.hospital, bottom: '财务专用章', star: true, left: 215 + rng.int(-25, 60), y: -48, size: 118, rotate: rng.int(-20, 20), opacity: 0.8 });
  const body = `<div id="sheet">
  ${qrDataUrl ? `<img class="qr" src="${qrDataUrl}" style="right:40px;top:22px;width:96px;height:96px">` : ''}
  <div class="title">${esc(v.title)}</div>
  ${sealTitle}
  <div class="row" style="padding-right:${qrDataUrl ? 120 : 0}px"><div><span class="lbl">票据代码：</span><span class="val">${v.invoiceCode}</span></div><div style="width:260px"><span class="lbl">票据号码：</span><span class="val">${v.invoiceNumber}</span></div></div>
  <div class="row" style="padding-right:${qrDataUrl ? 120 : 0}px"><div><span class="lbl">交款人统一社会信用代码：</span><span class="val">${v.payerId}</span></div><div style="width:260px"><span class="lbl">校验码：</span><span class="val">${v.checkCode ?? ''}</span></div></div>
  <div class="row" style="padding-right:${qrDataUrl ? 120 : 0}px"><div><span class="lbl">交款人：</span><span class="val">${esc(v.payerName)}</span></div><div style="width:260px"><span class="lbl">开票日期：</span><span class="val">${v.issueDate}</span></div></div>
  <table class="items">
    <tr class="head"><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th></tr>
    ${rows}
    <tr class="spacer"><td colspan="9"></td></tr>
  </table>
  <table class="total"><tr><td style="width:62%"><span class="lbl">金额合计（大写）</span><span>${moneyUpper(v.totalCents)}</span></td><td><span class="lbl">（小写）</span><span class="val">${moneyGrouped(v.totalCents)}</span></td></tr></table>
  <table class="other"><tr><td class="vlabel" rowspan="${otherRows.length + 1}">其<br>他<br>信<br>息</td></tr>${otherRows.join('')}</table>
  <div class="row foot"><div style="position:relative"><span class="lbl">收款单位（章）：</span><span>${esc(v.hospital)}</span>${sealHosp}</div><div><span class="lbl">复核人：</span>系统核验</div><div><span class="lbl">收款人：</span>${v.cashier}</div></div>
</div>`;
  return page(
    body,
    `
  table.items { margin-top: 8px; border: 1.5px solid #333; }
  table.items th { border-bottom: 1px solid #333; padding: 4px 6px; font-size: 14px; }
  table.items td { padding: 2px 6px; height: 24px; }
  table.items td.iamt { text-align: right; padding-right: 22px; }
  table.items tr.spacer td { height: ${inpatient ? 60 : 70}px; }
  table.total { border: 1.5px solid #333; border-top: 0; }
  table.total td { padding: 6px 8px; }
  table.other { border: 1.5px solid #333; border-top: 0; font-size: 14px; }
  table.other td { padding: 2px 6px; height: 22px; white-space: nowrap; }
  table.other td.vlabel { width: 34px; text-align: center; line-height: 22px; border-right: 1px solid #333; }
  .foot { margin-top: 10px; font-size: 15px; }
`,
  );
}
