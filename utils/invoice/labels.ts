// The label vocabulary of medical invoices, as data: the national 医疗收费票据 (电子) filling rules and the older
// provincial paper forms (INVOICES.md). Each printed label names the field it introduces and the shape of its
// value; "boundary" labels introduce values we do not read, so nothing runs past them. Knowledge only — the
// matching is in `label-match.ts`, the pairing by position in `pair.ts`.
import type { FieldName } from './types';
import { ID_PROVINCES } from '@/utils/validate/regions';

/** Shape of the value a label introduces. */
export type ValueKind = 'digits' | 'hex' | 'date' | 'amount' | 'name' | 'text' | 'period' | 'upper' | 'token' | 'none';

/** Fields plus the extra things a label can introduce. */
export type LabelKey = FieldName | 'otherPaid' | 'payerId' | 'visitLabel' | 'admitDate' | 'dischargeDate' | 'boundary';

export interface LabelDef {
  key: LabelKey;
  kind: ValueKind;
  /** Printed forms (normalised: half-width punctuation). Longer, more specific forms win over their parts. */
  texts: string[];
  /** How much a match says about the field (a bare 日期 or 合计 says less than 开票日期 / 金额合计). */
  weight?: number;
}

export const LABELS: LabelDef[] = [
  { key: 'invoiceCode', kind: 'digits', texts: ['票据代码', '发票代码'] },
  { key: 'invoiceNumber', kind: 'digits', texts: ['票据号码', '发票号码', '票据号'] },
  // "No. 0012345678" printed in red on paper forms.
  { key: 'invoiceNumber', kind: 'digits', texts: ['No', 'NO', '№'], weight: 0.9 },
  { key: 'checkCode', kind: 'hex', texts: ['校验码'] },
  { key: 'issueDate', kind: 'date', texts: ['开票日期', '开具日期', '填制日期', '收费日期', '填开日期'] },
  { key: 'issueDate', kind: 'date', texts: ['日期'], weight: 0.85 },
  { key: 'payerId', kind: 'none', texts: ['交款人统一社会信用代码', '统一社会信用代码', '社会信用代码', '身份证号码', '身份证号', '社会保障号码', '社会保障卡号', '医保卡号'] },
  { key: 'payerName', kind: 'name', texts: ['交款人', '患者姓名', '病人姓名', '姓名'] },
  {
    key: 'hospital',
    kind: 'text',
    texts: ['收款单位(章)', '收款单位(盖章)', '收款单位', '医疗机构名称', '医疗机构(盖章)', '医疗机构(章)', '医疗机构', '开票单位', '收费单位(章)', '收费单位'],
  },
  { key: 'totalAmountUpper', kind: 'upper', texts: ['金额合计(大写)', '合计(大写)', '合计金额(大写)', '(大写)', '大写'] },
  { key: 'totalAmount', kind: 'amount', texts: ['(小写)', '合计(小写)', '金额合计(小写)', '小写', '合计金额', '金额合计'] },
  { key: 'totalAmount', kind: 'amount', texts: ['合计'], weight: 0.85 },
  { key: 'insuranceTypeText', kind: 'text', texts: ['医保类型', '医疗保险类型', '医保类别', '参保类型', '参保类别', '险种类型'] },
  { key: 'fundPaid', kind: 'amount', texts: ['医保统筹基金支付', '统筹基金支付', '医保统筹支付', '统筹支付', '基本医疗保险统筹基金支付'] },
  { key: 'otherPaid', kind: 'amount', texts: ['其他支付'] },
  { key: 'accountPaid', kind: 'amount', texts: ['个人账户支付', '个人帐户支付', '账户支付'] },
  { key: 'cashPaid', kind: 'amount', texts: ['个人现金支付', '现金支付', '个人支付金额'] },
  { key: 'hospitalizationPeriod', kind: 'period', texts: ['住院时间', '住院日期', '住院期间', '住院起止日期', '住院起止时间'] },
  { key: 'admitDate', kind: 'date', texts: ['入院日期', '入院时间'] },
  { key: 'dischargeDate', kind: 'date', texts: ['出院日期', '出院时间'] },
  { key: 'visitLabel', kind: 'text', texts: ['就诊类型', '就诊类别', '门诊类别', '门诊类型', '医疗类别', '医疗类型'] },
  {
    key: 'boundary',
    kind: 'none',
    texts: [
      '医疗机构类型', '医保编号', '性别', '住院号', '病历号', '业务流水号', '住院科别', '科别', '预缴金额', '预交金额', '补缴金额', '补交金额',
      '退费金额', '退款金额', '个人自付', '个人自费', '分类自负', '自负', '附加基金支付', '住院天数', '医保当年账户余额', '医保历年账户余额',
      '备注', '复核人', '收款人', '收款员', '开票人', '项目名称', '门诊号', '就诊日期', '医保流水号', '金额(元)', '其他信息', '结算信息',
      '大病保险支付', '医疗救助支付', '谈判药费', '年龄',
    ],
  },
];

/**
 * Words that end the title of a notice or a leaflet printed on or next to an invoice (参保人员须知, 医疗保险政策问答):
 * a run of ideographs ending in one is a heading, never a label with its value.
 */
export const NOTICE_WORDS = ['须知', '问答', '说明', '指南', '提示', '告知', '注意事项', '政策', '规定', '办法'];

/** OCR confusions of label characters (a substitution inside a group costs 0.3 instead of 1). */
export const CONFUSABLE: string[] = [
  '码玛吗妈', '据禄拆', '号导吕呈', '验骀险', '期朋翰', '款效敦', '额领颖预', '计汁许', '写驾', '统绕', '筹寿', '账帐胀', '户尸', '类荚',
  '型形', '付什', '支吉', '现观', '金全会', '院阮', '费贺', '票栗要', '代伐', '姓娃', '名各', '诊沴', '别刖', '填真', '制刺', '章竟',
];

/** Endings of a medical organisation's name (shape check of 收款单位 values and of names found anywhere). */
export const HOSPITAL_SUFFIXES = ['医院', '卫生院', '卫生服务中心', '医疗中心', '中心', '门诊部', '诊所', '保健院', '医学院', '分院', '研究所', '卫生室', '医务室', '卫生站', '防治院', '防治所', '急救站', '急救中心'];

/**
 * Words of an organisation's kind (医疗机构类型: 综合医院, 二级综合医院, 综合性三级甲等医院 …): a text made only of them
 * and a suffix is a kind, never a hospital's name (a 医疗机构 label whose 类型 was lost points at one).
 */
export const HOSPITAL_KIND_WORDS = ['综合性', '综合', '专科', '中医', '中西医结合', '三级', '二级', '一级', '甲等', '乙等', '丙等', '未定级', '公立', '民营', '非营利性', '营利性'];

/** Ending that makes the best-shaped name (a seal or damaged line giving "…中心" is less sure than "…医院"). */
export const STRONG_HOSPITAL_SUFFIXES = ['医院', '卫生院', '卫生服务中心', '保健院', '医疗中心', '急救中心'];

/**
 * Parts many hospital names are made of (kinds of hospital, affiliations). A reading one character away from
 * one of them ("人民匹院", "第一大民医院") is repaired to it and marked for checking. Numbered parts (第一医院,
 * 第三医院) are not here, nor 中心医院 / 中医医院 (中山医院 is a name): one character tells them apart.
 */
export const HOSPITAL_NAME_PARTS = [
  '人民医院', '妇幼保健院', '妇幼保健计划生育服务中心', '儿童医院', '肿瘤医院', '口腔医院', '眼科医院', '骨科医院', '胸科医院', '传染病医院',
  '精神卫生中心', '中西医结合医院', '社区卫生服务中心', '卫生服务中心', '附属医院', '大学附属', '医学院附属', '中医药大学', '妇产科医院',
  '康复医院', '职业病防治院', '急救中心', '中心卫生院', '人民解放军',
];

/**
 * Universities and colleges whose affiliated hospitals issue many invoices (their names start the hospital's:
 * "复旦大学附属华山医院"), as data: a name one character away from exactly one of them is repaired to it.
 */
export const MEDICAL_UNIVERSITIES = [
  '北京大学', '清华大学', '首都医科大学', '北京中医药大学', '中国医学科学院', '天津医科大学', '河北医科大学', '山西医科大学', '内蒙古医科大学',
  '中国医科大学', '大连医科大学', '锦州医科大学', '吉林大学', '哈尔滨医科大学', '复旦大学', '上海交通大学', '同济大学', '上海中医药大学',
  '海军军医大学', '南京大学', '南京医科大学', '东南大学', '苏州大学', '南通大学', '扬州大学', '江南大学', '徐州医科大学', '南京中医药大学',
  '浙江大学', '温州医科大学', '浙江中医药大学', '宁波大学', '安徽医科大学', '中国科学技术大学', '蚌埠医学院', '皖南医学院', '福建医科大学',
  '厦门大学', '南昌大学', '山东大学', '青岛大学', '山东第一医科大学', '滨州医学院', '潍坊医学院', '郑州大学', '河南大学', '新乡医学院',
  '武汉大学', '华中科技大学', '中南大学', '南华大学', '中山大学', '南方医科大学', '暨南大学', '广州医科大学', '汕头大学', '广州中医药大学',
  '广西医科大学', '海南医学院', '重庆医科大学', '陆军军医大学', '四川大学', '西南医科大学', '川北医学院', '成都中医药大学', '贵州医科大学',
  '遵义医科大学', '昆明医科大学', '西藏大学', '西安交通大学', '空军军医大学', '兰州大学', '青海大学', '宁夏医科大学', '新疆医科大学', '石河子大学',
];

/** Parts that are one character away from another part and just as common: never repaired into another. */
export const HOSPITAL_NAME_FORMS = [...HOSPITAL_NAME_PARTS, '中心医院', '中医医院', '医药大学', '医科大学', '中山医院', '华山医院', '人和医院', '儿科医院'];

/** Provinces, autonomous regions and municipalities as printed at the start of a hospital's name. */
export const PROVINCES: readonly string[] = Object.entries(ID_PROVINCES)
  .filter(([code]) => code <= '71') // the mainland and 台湾省 (香港 / 澳门 print no 省 / 市 before a hospital)
  .map(([, name]) => name);

/** 医保类型 texts printed on invoices; an OCR reading within a small edit distance is snapped to one of them. */
export const INSURANCE_TEXTS = [
  '职工基本医疗保险', '城镇职工基本医疗保险', '城乡居民基本医疗保险', '城镇居民基本医疗保险', '居民基本医疗保险',
  '职工医保', '居民医保', '城乡居民医保', '新型农村合作医疗', '住院社保卡', '门诊社保卡', '自费', '自费病人', '医保', '离休干部',
];

/** Printed visit-type values: 急诊 (and 急诊留观, observation after an emergency) wherever printed is an emergency. */
export const VISIT_WORDS = { emergency: ['急诊留观', '急诊'], inpatient: ['住院'], outpatient: ['普通门诊', '门诊', '门急诊'] } as const;

/**
 * Column headings of the items table (项目 金额 数量 …): a text made only of them is a heading the pairing reached
 * (the row below a label), never a field's value.
 */
export const COLUMN_WORDS = ['项目名称', '项目', '金额', '数量', '单价', '单位', '规格', '等级', '名称', '比例', '类别', '备注', '编码'];
