/**
 * What the guard reads off a page, as data: label text → meaning, table header → invoice column,
 * action text → step action. Matched against compacted text (NFKC, no spaces, no stars/colons).
 */
export type FieldMeaning = 'claimantName' | 'claimantId' | 'mailingAddress' | 'pickupAddress' | 'region' | 'addressDetail' | 'mode';

export const FIELD_LABELS: ReadonlyArray<{ meaning: FieldMeaning; pattern: RegExp; not?: RegExp }> = [
  { meaning: 'mode', pattern: /^(办理|申请|申报)方式$|^办理类型$/ },
  { meaning: 'claimantName', pattern: /^(报销人|参保人|就诊人|患者)(姓名|名字)?$|^报销人(员)?姓名/, not: /委托|代办|代理/ },
  { meaning: 'claimantId', pattern: /^(报销人|参保人|就诊人|患者)(的)?(身份证|证件)(号码|号)?$|^报销人(员)?(身份证|证件)/, not: /委托|代办|代理/ },
  { meaning: 'pickupAddress', pattern: /取件地址|寄件地址|揽收地址|上门取件|取件人地址|发件地址/ },
  { meaning: 'mailingAddress', pattern: /邮寄地址|收件地址|通讯地址|联系地址|寄送地址|收件人地址|邮寄信息|收货地址/ },
  { meaning: 'region', pattern: /^(所在|所属)?(省市区|省市区县|地区|区县|区域|区|行政区划?)(选择)?$|^所在地$/ },
  { meaning: 'addressDetail', pattern: /^(详细|具体|街道)地址$|^详细地址|^门牌号?/ },
];

export type InvoiceColumn = 'number' | 'code' | 'visitType' | 'insuranceType' | 'payerName';

/** Order matters: 票据代码 before 号码, 医保类型 before 就诊类型. */
export const INVOICE_COLUMNS: ReadonlyArray<{ column: InvoiceColumn; pattern: RegExp }> = [
  { column: 'code', pattern: /(票据|发票|收据)代码/ },
  { column: 'number', pattern: /(票据|发票|收据)号码?|^票号$|^号码$/ },
  { column: 'insuranceType', pattern: /医保类型|险种|人员类型|参保类型|医疗保险类型/ },
  { column: 'visitType', pattern: /就诊类型|就医类型|就诊类别|门诊.?住院|费用类型|就诊方式/ },
  { column: 'payerName', pattern: /交款人|缴款人|付款人|患者姓名|就诊人|^姓名$/ },
];

/** Modes as the radio options write them. */
export const MODE_OPTIONS: ReadonlyArray<{ mode: 'self' | 'delegated'; pattern: RegExp }> = [
  { mode: 'delegated', pattern: /委托|代办|代理|他人/ },
  { mode: 'self', pattern: /本人/ },
];

export const compact = (s: string | null | undefined): string =>
  (s ?? '').normalize('NFKC').replace(/[\s*＊:：]/g, '').replace(/^\(必填\)|（必填）|\(必填\)$/g, '');

export function fieldMeaning(label: string): FieldMeaning | null {
  const t = compact(label);
  if (!t) return null;
  return FIELD_LABELS.find((f) => f.pattern.test(t) && !(f.not && f.not.test(t)))?.meaning ?? null;
}

export function invoiceColumn(header: string): InvoiceColumn | null {
  const t = compact(header);
  return INVOICE_COLUMNS.find((c) => c.pattern.test(t))?.column ?? null;
}
