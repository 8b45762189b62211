/**
 * Random but realistic invoice values. Amounts are integers in 分 (cents) so every part sums exactly.
 * What each layout prints (province, 门诊/住院, 急诊 share, 校验码, QR) is in its spec (`layouts/specs.ts`).
 */
import { makeRng, type Rng } from './rng';
import { SPECS, type TemplateId } from './layouts/specs';

export { TEMPLATES, HELD_OUT, ALL_LAYOUTS, DEV_LAYOUTS, type TemplateId } from './layouts/specs';

import type { InsuranceType, InvoiceFields, VisitType } from '../../utils/invoice/types';
export type { InsuranceType, VisitType };

export interface LineItem {
  name: string;
  cents: number;
}

export interface InvoiceValues {
  template: TemplateId;
  seed: number;
  /** Province name as printed in titles (上海市, 浙江省 …). */
  provinceName: string;
  title: string;
  invoiceCode: string;
  invoiceNumber: string;
  /** null on paper receipts that print none */
  checkCode: string | null;
  issueDate: string; // YYYY-MM-DD
  payerName: string;
  payerId: string; // masked 18-char ID
  gender: '男' | '女';
  hospital: string;
  hospitalKind: string;
  visitType: VisitType;
  /** How the visit type is printed where a layout prints it: 门诊 / 普通门诊 / 急诊 / 急诊留观 / 住院. */
  visitWord: string;
  insuranceType: InsuranceType;
  insuranceTypeText: string;
  insuranceNo: string;
  totalCents: number;
  fundCents: number;
  accountCents: number;
  cashCents: number;
  selfPayCents: number; // 个人自费 (distractor)
  classSelfCents: number; // 分类自负 (distractor)
  items: LineItem[];
  hospitalizationPeriod: [string, string] | null;
  serialNo: string; // 业务流水号
  recordNo: string; // 门诊号 / 住院号
  cashier: string;
  qr: { payload: string } | null;
}

const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧巧美玉桂兰凤洁琳素云莲真雪荣爱霞香月瑞凡佳嘉琼勤珍莉晶妍秋珊锦青倩婷婉颖露瑶怡丹蓉君琴蕊薇梦岚馨韵园卿聪纯悦冰爽宁欣育柔竹晓欢枫芸菲亚宜舒阳妮宝建国平志刚德文斌海波鹏飞春根福林生金宏伟俊峰辉浩宇晨阿';

const HOSPITALS: Record<string, string[]> = {
  sh: [
    '上海市第一人民医院', '上海市第六人民医院', '上海市松江区中心医院', '复旦大学附属中山医院',
    '上海交通大学医学院附属瑞金医院', '上海市松江区方松街道社区卫生服务中心', '上海市松江区泗泾医院',
    '复旦大学附属华山医院', '上海市第十人民医院', '上海中医药大学附属龙华医院', '上海市松江区九亭医院',
  ],
  zj: ['浙江大学医学院附属第一医院', '杭州市第一人民医院', '宁波市第一医院', '浙江省人民医院', '温州医科大学附属第一医院', '嘉兴市第二医院'],
  js: ['江苏省人民医院', '苏州大学附属第一医院', '南京鼓楼医院', '无锡市人民医院', '昆山市第一人民医院', '南通大学附属医院'],
  ah: ['安徽省立医院', '安徽医科大学第一附属医院', '合肥市第二人民医院', '芜湖市第一人民医院', '黄山市人民医院', '六安市中医院', '歙县徽城镇卫生院'],
  gd: ['广东省人民医院', '中山大学附属第一医院', '广州市第一人民医院', '深圳市人民医院', '东莞市人民医院', '佛山市妇幼保健院', '广州市越秀区北京街社区卫生服务中心'],
  bj: ['北京协和医院', '首都医科大学附属北京朝阳医院', '北京大学第三医院', '中日友好医院', '北京市海淀医院', '北京积水潭医院'],
  sc: ['四川大学华西医院', '四川省人民医院', '成都市第三人民医院', '绵阳市中心医院', '乐山市人民医院', '成都市锦江区妇幼保健院'],
  hb: ['华中科技大学同济医学院附属协和医院', '武汉大学人民医院', '湖北省中医院', '宜昌市中心人民医院', '襄阳市第一人民医院', '武汉市江汉区民族街社区卫生服务中心'],
  sd: ['山东省立医院', '山东大学齐鲁医院', '青岛大学附属医院', '济南市中心医院', '烟台毓璜顶医院', '潍坊市人民医院'],
  hn: ['中南大学湘雅医院', '湖南省人民医院', '长沙市中心医院', '株洲市中心医院', '岳阳市人民医院', '浏阳市集里街道社区卫生服务中心'],
  fj: ['福建医科大学附属协和医院', '福建省立医院', '厦门大学附属中山医院', '福州市第一医院', '泉州市第一医院', '漳州市医院'],
  ha: ['郑州大学第一附属医院', '河南省人民医院', '洛阳市中心医院', '新乡医学院第一附属医院', '开封市第二人民医院', '郑州市金水区丰产路街道社区卫生服务中心', '巩义市回郭镇卫生院'],
  cq: ['重庆医科大学附属第一医院', '陆军军医大学第一附属医院', '重庆市人民医院', '重庆市万州区人民医院', '重庆市渝北区中医院', '重庆市妇幼保健院'],
  hl: ['哈尔滨医科大学附属第一医院', '黑龙江省医院', '齐齐哈尔市第一医院', '大庆油田总医院', '牡丹江医学院红旗医院', '哈尔滨市南岗区芦家街道社区卫生服务中心'],
};

const OUTPATIENT_ITEMS = ['西药费', '中成药费', '中草药费', '检查费', '化验费', '治疗费', '诊察费', '卫生材料费', '一般诊疗费', '放射费', '其他门急诊收费'];
const INPATIENT_ITEMS = ['床位费', '检查费', '化验费', '治疗费', '护理费', '卫生材料费', '西药费', '中成药费', '手术费', '诊察费', '其他住院费'];

const INSURANCE_TEXTS: Record<InsuranceType, string[]> = {
  employee: ['职工基本医疗保险', '城镇职工基本医疗保险', '职工医保'],
  resident: ['城乡居民基本医疗保险', '城乡居民医保', '居民医保'],
  unknown: ['自费', '自费病人'],
};

const HOSPITAL_KINDS = ['综合性三级甲等医院', '综合医院', '二级综合医院', '社区卫生服务中心', '专科医院'];

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

function hex(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[rng.int(0, 15)];
  return s;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function isoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function compactDate(iso: string): string {
  return iso.replaceAll('-', '');
}

export function cnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${m}月${d}日`;
}

/** "1234567.8" style string from cents: "1234567.80" */
export function money(cents: number): string {
  return `${Math.floor(cents / 100)}.${pad(cents % 100)}`;
}

/** "1,234,567.80" */
export function moneyGrouped(cents: number): string {
  const [int, dec] = money(cents).split('.');
  return `${(int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

const UPPER_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿'];

/** Chinese upper-case money as printed on invoices, e.g. 276020.66 → 贰拾柒万陆仟零贰拾元零陆角陆分. */
export function moneyUpper(cents: number): string {
  const yuan = Math.floor(cents / 100);
  const jiao = Math.floor((cents % 100) / 10);
  const fen = cents % 10;
  let out = '';
  if (yuan > 0) {
    const s = String(yuan);
    let zero = false;
    for (let i = 0; i < s.length; i++) {
      const d = Number(s[i]);
      const pos = s.length - 1 - i;
      if (d === 0) zero = true;
      else {
        if (zero && out) out += '零';
        zero = false;
        out += UPPER_DIGITS[d] + (UNITS[pos % 4] ?? '');
      }
      if (pos % 4 === 0 && pos > 0 && /[1-9]/.test(s.slice(Math.max(0, i - 3), i + 1))) out += GROUPS[pos / 4] ?? '';
    }
    out += '元';
  }
  if (jiao === 0 && fen === 0) return (out || '零元') + '整';
  if (jiao > 0) {
    if (yuan > 0 && yuan % 10 === 0) out += '零';
    out += UPPER_DIGITS[jiao] + '角';
  } else if (yuan > 0) out += '零';
  if (fen > 0) out += UPPER_DIGITS[fen] + '分';
  else out += '整';
  return out;
}

function splitCents(rng: Rng, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => rng.range(0.15, 1) ** 2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  const diff = total - out.reduce((a, b) => a + b, 0);
  out[0] = (out[0] ?? 0) + diff;
  return out;
}

function dateBetween(rng: Rng, from: Date, to: Date): Date {
  return new Date(from.getTime() + Math.floor(rng.next() * ((to.getTime() - from.getTime()) / 86400000)) * 86400000);
}

export function makeValues(template: TemplateId, seed: number): InvoiceValues {
  const spec = SPECS[template];
  // The draw order of `rng` is kept as it was for the first four layouts (the e2e tests rely on which seeds
  // carry a QR code); anything new draws from `extra`.
  const rng = makeRng(`${template}:${seed}`);
  const extra = makeRng(`${template}:${seed}:extra`);
  const province = spec.province;
  const inpatient = spec.visit === 'inpatient';
  const issue = dateBetween(rng, new Date(Date.UTC(2022, 0, 1)), new Date(Date.UTC(2025, 9, 31)));
  const issueDate = isoDate(issue);
  const year2 = String(issue.getUTCFullYear()).slice(2);

  const codePrefix = spec.codePrefix;
  const invoiceCode = `${codePrefix}06${inpatient ? '02' : '01'}${year2}`;
  const invoiceNumber = rng.chance(0.6) ? `00${digits(rng, 8)}` : `${rng.int(1, 9)}${digits(rng, 9)}`;
  const hex6 = hex(rng, 6);
  const checkCode = spec.checkCode ? hex6 : null;

  const compound = !spec.legacy && extra.chance(0.05) ? extra.pick(COMPOUND_SURNAMES) : null;
  const surname = rng.pick([...SURNAMES]);
  const given1 = rng.pick([...GIVEN]);
  const given2 = rng.chance(0.7) ? rng.pick([...GIVEN]) : '';
  const payerName = compound ? compound + given1 : surname + given1 + given2;
  const birth = dateBetween(rng, new Date(Date.UTC(1940, 0, 1)), new Date(Date.UTC(2015, 0, 1)));
  const payerId = `${codePrefix}${digits(rng, 4)}${compactDate(isoDate(birth))}****`;
  const hospital = rng.pick(HOSPITALS[province] ?? HOSPITALS.sh!);

  let visitType: VisitType = inpatient ? 'inpatient' : 'outpatient';
  if (template === 'zj-outpatient' && rng.chance(0.35)) visitType = 'emergency';
  if (template === 'js-outpatient' && rng.chance(0.25)) visitType = 'emergency';
  if (!spec.legacy && !inpatient && extra.chance(spec.emergencyRate)) visitType = 'emergency';
  const visitWord = visitType === 'inpatient' ? '住院' : visitType === 'emergency' ? extra.pick(['急诊', '急诊', '急诊留观']) : extra.pick(['门诊', '普通门诊']);

  const insuranceType: InsuranceType = rng.chance(0.1) ? 'unknown' : rng.chance(0.6) ? 'employee' : 'resident';
  const insuranceTypeText = rng.pick(INSURANCE_TEXTS[insuranceType]);

  const totalCents = inpatient ? rng.int(500_000, 30_000_000) : rng.int(3_000, 300_000);
  const fundRatio = insuranceType === 'unknown' ? 0 : insuranceType === 'employee' ? rng.range(0.35, 0.85) : rng.range(0.25, 0.65);
  const fundCents = Math.round(totalCents * fundRatio);
  const rest = totalCents - fundCents;
  const accountCents = insuranceType === 'employee' && rng.chance(0.7) ? Math.round(rest * rng.range(0.2, 1)) : 0;
  const cashCents = rest - accountCents;
  const selfPayCents = Math.min(cashCents, Math.round(rest * rng.range(0, 0.3)));
  const classSelfCents = Math.min(cashCents, Math.round(rest * rng.range(0, 0.2)));

  const pool = [...(inpatient ? INPATIENT_ITEMS : OUTPATIENT_ITEMS)];
  const count = rng.int(inpatient ? 5 : 2, inpatient ? 9 : 6);
  const names: string[] = [];
  while (names.length < count && pool.length) names.push(pool.splice(rng.int(0, pool.length - 1), 1)[0] as string);
  const items = splitCents(rng, totalCents, names.length).map((cents, i) => ({ name: names[i] as string, cents }));

  let hospitalizationPeriod: [string, string] | null = null;
  if (inpatient) {
    const admit = new Date(issue.getTime() - rng.int(2, 40) * 86400000);
    hospitalizationPeriod = [isoDate(admit), issueDate];
  }

  const hasQr = spec.legacy ? province !== 'js' && rng.chance(0.5) : extra.chance(spec.qrRate);
  const withAmount = rng.chance(0.5);
  const qr = hasQr
    ? {
        payload: `https://www.chinaebill.cn/eips-wxapp-service/d?t=504&a=x&d=${[invoiceCode, invoiceNumber, hex6, ...(withAmount ? [money(totalCents)] : []), compactDate(issueDate)].join('_')}&s=y`,
      }
    : null;

  return {
    template,
    seed,
    provinceName: spec.provinceName,
    title: spec.title(extra, visitType),
    invoiceCode,
    invoiceNumber,
    checkCode,
    issueDate,
    payerName,
    payerId,
    gender: rng.chance(0.5) ? '男' : '女',
    hospital,
    hospitalKind: rng.pick(HOSPITAL_KINDS),
    visitType,
    visitWord,
    insuranceType,
    insuranceTypeText,
    insuranceNo: digits(rng, 10),
    totalCents,
    fundCents,
    accountCents,
    cashCents,
    selfPayCents,
    classSelfCents,
    items,
    hospitalizationPeriod,
    serialNo: digits(rng, 12),
    recordNo: digits(rng, 8),
    cashier: String(rng.int(1000, 999999)).padStart(6, '0'),
    qr,
  };
}

/** Ground truth in the engine's field names. */
export interface InvoiceTruth extends Omit<InvoiceFields, 'totalAmountUpper'> {
  template: TemplateId;
  seed: number;
  degradation: string;
  /** 'e-invoice' (fiscal e-invoice print-out) or 'paper' (provincial paper form). */
  layoutKind: 'e-invoice' | 'paper';
  province: string;
  /** A layout the parser was never iterated on (reported apart in the benchmark). */
  heldOut: boolean;
  hasQr: boolean;
  /** which fields the QR payload carries (exact when decoded) */
  qrFields: string[];
  hasTextLayer: boolean;
}

export function toTruth(v: InvoiceValues, degradation: string, hasTextLayer: boolean): InvoiceTruth {
  const qrFields = v.qr
    ? ['invoiceCode', 'invoiceNumber', 'checkCode', 'issueDate', ...(v.qr.payload.split('_').length === 5 ? ['totalAmount'] : [])]
    : [];
  return {
    invoiceCode: v.invoiceCode,
    invoiceNumber: v.invoiceNumber,
    checkCode: v.checkCode,
    issueDate: v.issueDate,
    payerName: v.payerName,
    hospital: v.hospital,
    totalAmount: money(v.totalCents),
    visitType: v.visitType,
    insuranceType: v.insuranceType,
    insuranceTypeText: v.insuranceTypeText,
    fundPaid: money(v.fundCents),
    accountPaid: money(v.accountCents),
    cashPaid: money(v.cashCents),
    hospitalizationPeriod: v.hospitalizationPeriod,
    template: v.template,
    seed: v.seed,
    degradation,
    layoutKind: SPECS[v.template].kind,
    province: SPECS[v.template].province,
    heldOut: SPECS[v.template].heldOut,
    hasQr: v.qr !== null,
    qrFields,
    hasTextLayer,
  };
}
