// 黑龙江 门急诊 fiscal e-invoice (dev-only): no table at all in the header — two columns of "label：value" lines,
// the labels right-aligned to a common colon, the value left-aligned after it; the date unlabelled in the top
// right corner (2024年11月5日, 2024.11.05 …); amounts printed with 元; the payments as a list in a drawn order
// with 个人自付 / 个人自费 among them; the hospital under 医疗机构 at the foot, its seal beside the name or over
// the payments.
import { moneyGrouped, moneyUpper, money } from '../values';
import { esc, fontCss, hospitalSeal, itemGroups, page, printDate, shuffle, titleSeal, type RenderInput } from './common';

function unpadded(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export function heilongjiang({ v, qrDataUrl, rng }: RenderInput): string {
  const yuan = rng.chance(0.6);
  const amt = (cents: number) => (yuan ? `${money(cents)}元` : money(cents));
  const kv = (k: string, val: string) => `<div class="kv"><span class="k">${k}：</span><span class="d">${esc(val)}</span></div>`;
  const left = [
    kv(rng.pick(['交款人', '患者姓名', '姓名']), v.payerName),
    ...shuffle(rng, [kv('性别', v.gender), kv(rng.pick(['就诊类型', '医疗类别', '就诊类别']), v.visitWord), kv(rng.pick(['医保类型', '参保类型']), v.insuranceTypeText), kv('门诊号', v.recordNo)]),
  ];
  const right = shuffle(rng, [kv('票据代码', v.invoiceCode), kv('票据号码', v.invoiceNumber), kv('校验码', v.checkCode ?? ''), kv('业务流水号', v.serialNo)]);
  const pays = shuffle(rng, [
    kv(rng.pick(['医保统筹基金支付', '统筹基金支付', '医保统筹支付']), amt(v.fundCents)),
    kv('个人账户支付', amt(v.accountCents)),
    kv(rng.pick(['个人现金支付', '现金支付', '个人支付金额']), amt(v.cashCents)),
    kv('个人自付', amt(v.accountCents + v.cashCents - v.selfPayCents)),
    kv('个人自费', amt(v.selfPayCents)),
    kv('其他支付', amt(0)),
  ]);
  const rows = itemGroups(v, 2, 3).map((cells) => `<tr>${cells.join('')}</tr>`).join('');
  const date = rng.chance(0.5) ? unpadded(v.issueDate) : printDate(v.issueDate, rng.pick(['dot', 'cn', 'iso'] as const));
  const sealBeside = rng.chance(0.5);
  const body = `<div id="sheet">
  <div class="date d">${date}</div>
  ${qrDataUrl ? `<img class="qr" src="${qrDataUrl}" style="left:${rng.int(30, 50)}px;top:${rng.int(14, 24)}px;width:84px;height:84px">` : ''}
  <div class="title">${esc(v.title)}</div>
  ${titleSeal(v.provinceName, rng, { left: 420 + rng.int(-60, 60), y: 8 })}
  <div class="cols"><div class="col">${left.join('')}</div><div class="col">${right.join('')}</div></div>
  <table class="items"><tr class="head"><th>项目名称</th><th>金额（元）</th><th>备注</th><th>项目名称</th><th>金额（元）</th><th>备注</th></tr>${rows}</table>
  <div class="total"><span class="k">${rng.pick(['金额合计（大写）', '合计（大写）'])}：</span><span class="d">${moneyUpper(v.totalCents)}</span><span class="k gap">${rng.pick(['（小写）', '金额合计（小写）'])}：</span><span class="d">¥${moneyGrouped(v.totalCents)}</span></div>
  <div class="cols pays" style="position:relative"><div class="col">${pays.slice(0, 3).join('')}</div><div class="col">${pays.slice(3).join('')}</div>${sealBeside ? '' : hospitalSeal(v, rng, { left: rng.int(380, 620), y: -20 })}</div>
  <div class="foot"><span class="k">${rng.pick(['医疗机构', '医疗机构名称', '收款单位'])}：</span><span class="d" style="position:relative">${esc(v.hospital)}${sealBeside ? hospitalSeal(v, rng, { left: rng.int(200, 320), y: -60 }) : ''}</span><span class="k gap">收款人：</span><span class="d">${v.cashier}</span></div>
</div>`;
  const labelWidth = rng.int(7, 9);
  return page(
    body,
    `
  #sheet { padding-top: ${rng.int(24, 36)}px; }
  .date { position: absolute; right: ${rng.int(36, 70)}px; top: ${rng.int(20, 40)}px; font-size: 15px; }
  .title { margin-top: ${qrDataUrl ? 40 : 24}px; margin-bottom: ${rng.int(20, 30)}px; }
  .cols { display: flex; gap: ${rng.int(20, 60)}px; }
  .col { flex: 1; }
  .kv { line-height: ${rng.int(26, 32)}px; white-space: nowrap; }
  .kv .k { display: inline-block; width: ${labelWidth}em; text-align: right; }
  .pays .kv .k { width: ${labelWidth + 1}em; }
  table.items { margin-top: 10px; border: 1.5px solid #444; }
  table.items th { border-bottom: 1px solid #444; padding: 4px 6px; font-size: 14px; }
  table.items td { padding: 2px 6px; height: 24px; }
  table.items td.iamt { text-align: right; padding-right: 16px; }
  .total { margin: 10px 0 6px; }
  .gap { margin-left: ${rng.int(30, 90)}px; }
  .foot { margin-top: ${rng.int(14, 24)}px; }
  ${fontCss(rng, { form: '#sheet', data: '.d, .iamt' })}
`,
  );
}
