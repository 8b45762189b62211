// 浙江 fiscal e-invoice: bordered header grid, two item groups, 其他信息 as one run of text.
import { cnDate, compactDate, moneyGrouped, moneyUpper, money } from '../values';
import { esc, itemGroups, page, seal, type RenderInput } from './common';

/** Zhejiang fiscal e-invoice: bordered header grid, 2 item groups, 其他信息 as one run of text. */
export function zhejiang({ v, qrDataUrl, rng }: RenderInput): string {
  const rows = itemGroups(v, 2, 3)
    .map((cells) => `<tr>${cells.join('')}</tr>`)
    .join('');
  const visit = v.visitWord;
  const otherText = [
    `门诊号：${v.recordNo}`,
    `就诊日期：${compactDate(v.issueDate)}`,
    `就诊类型：${visit}`,
    `医疗机构类型：${v.hospitalKind}`,
    `医保类型：${v.insuranceTypeText}`,
    `性别：${v.gender}`,
    `医保统筹基金支付：${money(v.fundCents)}`,
    `其他支付：0.00`,
    `个人账户支付：${money(v.accountCents)}`,
    `个人现金支付：${money(v.cashCents)}`,
    `个人自付：${money(v.accountCents + v.cashCents - v.selfPayCents)}`,
    `个人自费：${money(v.selfPayCents)}`,
  ].join('　');
  const sealTitle = seal({ top: '浙江省财政厅监制', bottom: '票据监制章', oval: true, left: 430 + rng.int(-50, 40), y: 6 + rng.int(-4, 8), size: 88, rotate: rng.int(-6, 6), opacity: 0.8 });
  const sealHosp = seal({ top: v.hospital, bottom: '收费专用章', star: true, left: 120 + rng.int(-20, 60), y: -40, size: 120, rotate: rng.int(-25, 25), opacity: 0.78 });
  const body = `<div id="sheet">
  ${qrDataUrl ? `<img class="qr" src="${qrDataUrl}" style="left:40px;top:18px;width:92px;height:92px">` : ''}
  <div class="title" style="margin-top:20px;margin-bottom:28px">${esc(v.title)}</div>
  ${sealTitle}
  <table class="hdr">
    <tr><td class="k">票据代码</td><td class="val">${v.invoiceCode}</td><td class="k">票据号码</td><td class="val">${v.invoiceNumber}</td></tr>
    <tr><td class="k">校验码</td><td class="val">${v.checkCode ?? ''}</td><td class="k">开票日期</td><td class="val">${cnDate(v.issueDate)}</td></tr>
    <tr><td class="k">交款人</td><td>${esc(v.payerName)}</td><td class="k">交款人统一社会信用代码</td><td class="val">${v.payerId}</td></tr>
  </table>
  <table class="items">
    <tr class="head"><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th></tr>
    ${rows}
  </table>
  <table class="sum">
    <tr><td class="k">金额合计（大写）</td><td>${moneyUpper(v.totalCents)}</td><td class="k">（小写）</td><td class="val">¥${moneyGrouped(v.totalCents)}</td></tr>
    <tr><td class="k">其他信息</td><td colspan="3" class="otxt">${esc(otherText)}</td></tr>
  </table>
  <div class="row foot"><div style="position:relative"><span class="lbl">收款单位（章）：</span><span>${esc(v.hospital)}</span>${sealHosp}</div><div><span class="lbl">复核人：</span>自动</div><div><span class="lbl">收款人：</span>${v.cashier}</div></div>
</div>`;
  return page(
    body,
    `
  table.hdr, table.items, table.sum { border: 1.5px solid #5a4a3a; }
  table.hdr td { border: 1px solid #8a7a6a; padding: 4px 8px; }
  table.hdr td.k, table.sum td.k { background: #f6efe6; white-space: nowrap; width: 1%; }
  table.items { margin-top: 8px; }
  table.items th { border-bottom: 1px solid #8a7a6a; padding: 4px 6px; background: #f6efe6; }
  table.items td { padding: 2px 8px; height: 25px; }
  table.items td.iamt { text-align: right; }
  table.sum { margin-top: 8px; }
  table.sum td { border: 1px solid #8a7a6a; padding: 5px 8px; }
  table.sum td.otxt { font-size: 14px; line-height: 22px; }
  .foot { margin-top: 18px; }
`,
  );
}
