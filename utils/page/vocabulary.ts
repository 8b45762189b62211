/**
 * THE vocabulary of the helper, as data: how people label the fields, upload slots and invoice columns of a
 * 零星报销 application. Autofill, the guard, the panel and the structure report all read it through the page
 * model (`utils/page`); nothing else keeps its own list of label words.
 *
 * - SYNONYMS: label terms → concept, with a score (1 = unambiguous). The longest term found in a label wins.
 * - ROLE_QUALIFIERS: whose field it is (报销人 / 委托人 …). On this portal 委托人 is the logged-in account
 *   holder, and so is 被委托人 (its ID upload is the account holder's): both mean the account holder.
 * - TRAPS: labels that must never be filled from a profile, whatever else they contain.
 * - NOISE: words a person skips when reading a label (请输入, 信息 …): they do not weaken a match.
 * - OPTION_ALIASES / BANK_ALIASES: option texts for choices.
 * - PICKUP_TERMS: an address label naming the 物流 pick-up (取件) rather than the mailing address.
 * - DOCUMENTS: upload slot words → the document a slot takes (main words decide; notes name substitutes).
 * - VALUE_WORDS: how pages and invoices write 就诊类型 and 医保类型 values.
 */

export type Concept =
  | 'name'
  | 'idNumber'
  | 'idType'
  | 'gender'
  | 'birthDate'
  | 'phone'
  | 'bankName'
  | 'bankAccount'
  | 'bankAccountName'
  | 'address.full'
  | 'address.district'
  | 'address.detail'
  | 'address.postcode'
  | 'mode'
  | 'applicationDate'
  | 'invoice.code'
  | 'invoice.number'
  | 'invoice.date'
  | 'invoice.visitType'
  | 'invoice.hospital'
  | 'invoice.amount'
  | 'invoice.period'
  | 'invoice.periodStart'
  | 'invoice.periodEnd'
  | 'invoice.insuranceType'
  | 'invoice.payerName';

/** claimant = 报销人 (person on the invoice); agent = the account holder (委托人); other = someone else. */
export type Role = 'claimant' | 'agent' | 'other';

export interface Synonym {
  term: string;
  concept: Concept;
  score: number;
}

const S = (concept: Concept, score: number, ...terms: string[]): Synonym[] => terms.map((term) => ({ term, concept, score }));

export const SYNONYMS: readonly Synonym[] = [
  // names
  ...S('name', 1, '姓名', '真实姓名', '人员姓名'),
  ...S('name', 0.9, '名字'),
  // identity documents
  ...S('idNumber', 1, '身份证号码', '身份证号', '公民身份号码', '公民身份证号码', '身份证件号码', '身份证件号', '居民身份证号码', '居民身份证号'),
  ...S('idNumber', 0.95, '证件号码', '证件号', '证件编号', '社会保障号码', '社会保障号', '身份证明号码'),
  ...S('idNumber', 0.85, '身份证', '证件号码身份证'),
  ...S('idType', 1, '证件类型', '证件种类', '身份证件类型', '证件类别'),
  ...S('gender', 1, '性别'),
  ...S('birthDate', 1, '出生日期', '出生年月日'),
  ...S('birthDate', 0.9, '出生年月', '生日'),
  // phone
  ...S('phone', 1, '手机号码', '手机号', '移动电话', '联系手机', '手机号码联系电话', '联系电话手机'),
  ...S('phone', 0.95, '联系电话', '手机', '联系号码', '电话号码手机'),
  ...S('phone', 0.85, '联系方式', '电话号码', '手机联系方式'),
  ...S('phone', 0.8, '电话'),
  // bank
  ...S('bankName', 1, '开户银行', '开户行', '开户银行名称', '开户行名称', '银行名称', '收款银行', '收款开户行', '收款人开户行', '收款人开户银行'),
  ...S('bankName', 0.9, '所属银行', '开户支行', '开户网点', '银行网点', '开户行及网点'),
  ...S('bankName', 0.8, '银行'),
  ...S('bankAccount', 1, '银行卡号', '银行账号', '银行帐号', '银行卡卡号', '收款账号', '收款帐号', '收款卡号', '开户账号', '开户帐号', '银行卡账号', '收款人账号', '收款人帐号', '银行账户号码', '银行帐户号码'),
  ...S('bankAccount', 0.9, '银行账户', '银行帐户', '结算账号', '账户号码', '帐户号码', '卡号账号'),
  ...S('bankAccount', 0.8, '账号', '帐号', '卡号'),
  ...S('bankAccountName', 1, '户名', '账户名', '帐户名', '账户名称', '帐户名称', '开户名', '开户名称', '开户人姓名', '收款人姓名', '持卡人姓名', '账户户名', '收款户名', '银行户名', '开户人名称'),
  ...S('bankAccountName', 0.9, '开户人', '收款人', '持卡人', '收款人名称'),
  // address
  ...S('address.full', 1, '邮寄地址', '收件地址', '联系地址', '通讯地址', '通信地址', '快递地址', '寄送地址', '收件人地址', '邮寄住址', '材料寄送地址', '取件地址', '寄件地址', '上门取件地址', '揽收地址', '取件人地址', '发件地址'),
  ...S('address.full', 0.95, '家庭地址', '家庭住址', '居住地址', '现居住地址', '现住址', '现居住地', '收货地址', '常住地址', '居住地'),
  ...S('address.full', 0.9, '住址', '地址'),
  ...S('address.district', 1, '所在区', '所在区县', '所属区', '所属区县', '区县', '所在区域', '省市区', '所在省市区', '省市区县', '区县街道'),
  ...S('address.district', 0.9, '行政区', '行政区划', '所在地区', '地区', '所在城区', '区'),
  ...S('address.district', 0.8, '所在地', '所在省市'),
  ...S('address.detail', 1, '详细地址', '详细住址', '地址详情', '具体地址', '街道地址', '街道门牌', '详细街道地址', '门牌地址'),
  ...S('address.detail', 0.9, '门牌号', '街道门牌号', '详址'),
  ...S('address.postcode', 1, '邮政编码', '邮编', '邮递区号'),
  // how the application is filed
  ...S('mode', 1, '办理方式', '申请方式', '申报方式', '办件方式', '办理形式', '申请形式'),
  ...S('mode', 0.95, '是否委托他人办理', '是否委托他人代办', '是否委托代办', '是否他人代办', '是否代为办理', '是否由他人代办'),
  ...S('mode', 0.9, '办理类型', '申请类型', '是否委托', '是否委托办理', '是否代办', '是否代理', '是否本人办理', '是否本人', '是否本人申请', '办理人类型'),
  // the date of the application itself: today
  ...S('applicationDate', 1, '申请日期', '申报日期', '填表日期', '填报日期', '申请时间', '办理日期'),
  // invoice rows (发票信息)
  ...S('invoice.code', 1, '票据代码', '发票代码', '票据编码', '收据代码'),
  ...S('invoice.number', 1, '票据号码', '发票号码', '票据号', '发票号', '票据编号', '发票编号', '收据号码', '收据号', '收据编号'),
  ...S('invoice.number', 0.9, '票号'),
  ...S('invoice.date', 1, '开票日期', '票据日期', '发票日期', '开具日期', '就诊日期', '就医日期', '收费日期', '开票时间'),
  ...S('invoice.date', 0.7, '日期'),
  ...S('invoice.visitType', 1, '就诊类型', '就医类型', '就诊类别', '就医类别', '就诊方式', '就医方式', '医疗类别'),
  ...S('invoice.visitType', 0.9, '门诊住院', '门急诊住院', '门诊或住院'),
  ...S('invoice.visitType', 0.85, '门诊类型', '费用类型', '费用类别', '票据类型'),
  ...S('invoice.hospital', 1, '医疗机构', '医疗机构名称', '就诊医院', '就诊医疗机构', '医院名称', '定点医疗机构', '就诊机构', '就医医院', '就医机构', '收款单位', '开票单位'),
  ...S('invoice.hospital', 0.9, '医院'),
  ...S('invoice.amount', 1, '票据金额', '发票金额', '总金额', '费用总额', '医疗费用总额', '合计金额', '医疗费总额', '票面金额', '金额合计', '医疗费用'),
  ...S('invoice.amount', 0.95, '总费用', '金额', '费用金额', '合计'),
  ...S('invoice.period', 1, '住院时间', '住院起止日期', '住院起止时间', '住院日期', '住院期间', '住院起止', '住院时段'),
  ...S('invoice.periodStart', 1, '入院日期', '入院时间', '住院开始日期', '住院开始时间'),
  ...S('invoice.periodEnd', 1, '出院日期', '出院时间', '住院结束日期', '住院结束时间'),
  // read from invoice rows (tables, recognised invoices); a person column (患者姓名, 就诊人) there is the payer too
  ...S('invoice.insuranceType', 1, '医保类型', '医疗保险类型', '参保类型', '参保类别', '医保类别', '险种', '险种类型'),
  ...S('invoice.insuranceType', 0.9, '人员类型', '人员类别'),
  ...S('invoice.payerName', 1, '交款人', '缴款人', '付款人', '交款人姓名', '缴款人姓名', '付款人姓名'),
];

/** Concepts that belong to a person (need a role); the rest are role-free. */
export const PERSON_CONCEPTS: ReadonlySet<Concept> = new Set<Concept>([
  'name',
  'idNumber',
  'idType',
  'gender',
  'birthDate',
  'phone',
  'bankName',
  'bankAccount',
  'bankAccountName',
]);

export interface RoleQualifier {
  term: string;
  role: Role;
}

const Q = (role: Role, ...terms: string[]): RoleQualifier[] => terms.map((term) => ({ term, role }));

export const ROLE_QUALIFIERS: readonly RoleQualifier[] = [
  // the person on the invoice
  ...Q('claimant', '报销人', '参保人', '参保人员', '被保险人', '就诊人', '就医人', '患者', '病人', '本人', '申请人', '医保人员', '报销对象', '参保对象'),
  // the logged-in account holder (NB: on this portal 被委托人 is the account holder too)
  ...Q('agent', '被委托人', '委托人', '受托人', '受委托人', '代办人', '经办人', '代理人', '代领人', '代办'),
  // somebody else: person fields with these are never filled from a profile
  ...Q('other', '联系人', '收件人', '寄件人', '监护人', '法定代理人', '配偶', '亲属', '家属', '子女', '父亲', '母亲', '担保人', '见证人'),
];

export interface Trap {
  term: string;
  /** Short plain reason shown to the user. */
  why: string;
}

const T = (why: string, ...terms: string[]): Trap[] => terms.map((term) => ({ term, why }));

export const TRAPS: readonly Trap[] = [
  ...T('紧急联系人的信息', '紧急联系人', '紧急联系电话', '紧急联络人', '紧急联系方式', '应急联系人'),
  ...T('单位的信息', '单位电话', '单位名称', '工作单位', '单位地址', '单位联系电话', '办公电话', '公司名称', '公司电话', '所在单位', '单位联系人'),
  ...T('固定电话', '固定电话', '座机', '固话', '传真', '家庭电话座机'),
  ...T('搜索框', '搜索', '查询', '关键字', '关键词', '检索', 'search'),
  ...T('验证码', '验证码', '校验码', '图形码', '图片码', '动态码', '动态口令', 'captcha', '短信码', '人机验证'),
  ...T('密码', '密码', '口令', 'password'),
  ...T('电子邮箱', '邮箱', '电子邮件', 'email', 'e-mail', '邮件地址'),
  ...T('户籍等其他地址', '户籍地址', '户籍所在地', '户口所在地', '户籍地', '身份证地址', '身份证住址', '出生地', '籍贯', '工作地址'),
  ...T('社保卡/医保卡号不是银行卡号', '社保卡号', '医保卡号', '社会保障卡号', '就诊卡号', '医保卡卡号', '社保卡卡号'),
  ...T('双方关系', '关系', '与报销人关系', '与参保人关系'),
];

/** Words a person skips when reading a label. */
export const NOISE: readonly string[] = [
  '请输入',
  '请选择',
  '请填写',
  '请上传',
  '输入',
  '选择',
  '填写',
  '必填',
  '选填',
  '可选',
  '信息',
  '的',
  '及',
  '和',
  '号',
  '元',
  '人民币',
  '全称',
  '中文',
  '有效',
  '位',
  '个人',
  '邮寄',
  '收件',
  '寄送',
  '联系',
  '现',
  '基本',
  '如',
  '例',
  '格式',
  '他人',
  '办理',
];

/** Option texts for the choices the engine makes. */
export const OPTION_ALIASES = {
  modeSelf: ['本人办理', '本人申请', '本人申报', '个人办理', '自己办理', '本人', '否'],
  modeAgent: ['委托人办理', '委托办理', '委托他人办理', '委托代办', '代为办理', '他人代办', '代理办理', '代办', '委托', '是'],
  idCard: ['居民身份证', '身份证', '中华人民共和国居民身份证', '二代身份证', '身份证件'],
  male: ['男', '男性'],
  female: ['女', '女性'],
  outpatient: ['门诊', '普通门诊', '门诊就医', '门急诊'],
  emergency: ['急诊', '急诊观察', '急诊留观', '门急诊'],
  inpatient: ['住院', '住院治疗'],
  shanghai: ['上海市', '上海'],
  /** Second level of a 省/市/区 cascader for Shanghai. */
  shanghaiCity: ['上海市', '市辖区', '上海', '市区'],
} as const;

/** Bank names: canonical full name → short forms people and pages use. */
export const BANK_ALIASES: ReadonlyArray<readonly string[]> = [
  ['中国工商银行', '工商银行', '工行'],
  ['中国农业银行', '农业银行', '农行'],
  ['中国银行', '中行'],
  ['中国建设银行', '建设银行', '建行'],
  ['交通银行', '交行'],
  ['中国邮政储蓄银行', '邮政储蓄银行', '邮储银行', '邮政储蓄', '邮储'],
  ['招商银行', '招行'],
  ['上海浦东发展银行', '浦发银行', '浦发'],
  ['上海银行'],
  ['上海农村商业银行', '上海农商银行', '农商银行'],
  ['兴业银行'],
  ['中信银行'],
  ['中国民生银行', '民生银行'],
  ['中国光大银行', '光大银行'],
  ['华夏银行'],
  ['平安银行'],
  ['广发银行'],
];

/** Substrings of an input's name / id / class / autocomplete that mark a trap. */
export const ATTRIBUTE_TRAPS: readonly Trap[] = [
  ...T('验证码', 'captcha', 'verifycode', 'verify-code', 'vcode', 'yzm', 'smscode', 'sms-code', 'checkcode', 'validcode', 'authcode'),
  ...T('搜索框', 'search', 'keyword'),
  ...T('密码', 'password', 'passwd', 'pwd'),
  ...T('电子邮箱', 'email'),
];

/** A section headed with one of these makes every field under it a trap (紧急联系人: 姓名 / 电话 …). */
export const SECTION_TRAP_TERMS: readonly string[] = ['紧急联系人', '紧急联络人', '应急联系人', '单位信息', '工作单位', '监护人'];

/** An address labelled with one of these is the 物流 pick-up address (取件地址), not the mailing address. */
export const PICKUP_TERMS: readonly string[] = ['取件', '揽收', '寄件', '发件'];

// ------------------------------------------------------------------------------------------------
// upload slots (材料上传)

export type DocumentKind =
  | 'agent-id'
  | 'invoice-detail'
  | 'discharge-summary'
  | 'bank-card'
  | 'insurance-card'
  | 'death-proof'
  | 'household-register'
  | 'id-card'
  | 'invoice';

/**
 * The documents of 材料上传 and the words that name them. A slot's MAIN words decide what it takes (the
 * longest term found there wins, so 被委托人身份证 is not 身份证 and 发票明细 not 发票); words in brackets or
 * after the main words (身份证（可用户口本本人页、死亡证明代替）) name what else the slot accepts.
 */
export const DOCUMENTS: ReadonlyArray<{ kind: DocumentKind; terms: readonly string[] }> = [
  { kind: 'agent-id', terms: ['被委托人身份证', '委托人身份证', '受托人身份证', '代理人身份证', '代办人身份证', '经办人身份证', '被委托人证件', '委托人证件', '代办人证件', '经办人证件', '代理人证件', '受托人证件', '被委托人有效证件', '委托人有效证件'] },
  { kind: 'invoice-detail', terms: ['发票明细', '费用明细', '明细清单', '费用清单', '费用详单', '明细', '清单'] },
  { kind: 'discharge-summary', terms: ['出院小结', '出院记录', '出院证明'] },
  { kind: 'bank-card', terms: ['银行卡', '银行账户', '银行帐户', '存折'] },
  { kind: 'insurance-card', terms: ['社保卡', '医保卡', '社会保障卡', '医疗保险卡'] },
  { kind: 'death-proof', terms: ['死亡证明', '户籍注销证明', '户籍注销', '注销证明', '火化证明'] },
  { kind: 'household-register', terms: ['户口本本人页', '户口本', '户口簿', '户籍证明'] },
  { kind: 'id-card', terms: ['居民身份证', '身份证', '有效证件', '身份证件'] },
  { kind: 'invoice', terms: ['发票', '票据', '收据'] },
];

/** Words that start a note after a slot's main words without brackets (身份证 可用户口本本人页代替). */
export const NOTE_STARTERS: readonly string[] = ['可用', '可上传', '可以上传', '或', '如', '无', '没有', '未成年', '过世', '去世', '限', '需', '请', '注'];

// ------------------------------------------------------------------------------------------------
// values of invoice rows

/** How 就诊类型 values are written (rows; recognised invoices send the reader's enum). Order matters: 住院 first. */
export const VISIT_WORDS: ReadonlyArray<{ visit: 'inpatient' | 'outpatient'; words: readonly string[] }> = [
  { visit: 'inpatient', words: ['住院', 'inpatient'] },
  { visit: 'outpatient', words: ['门诊', '急诊', '门急诊', '院前', '急救', '观察', '留观', 'outpatient', 'emergency'] },
];

/** 医保类型 as printed (or the reader's enum) → which item it belongs to. Order matters: 居民 before 职工 (城乡居民 …). */
export const INSURANCE_WORDS: ReadonlyArray<{ item: 'employee' | 'resident'; words: readonly string[]; shown: string }> = [
  { item: 'resident', words: ['居民', '居保', '少儿', '学生', '新农合', '农村合作', 'resident'], shown: '城乡居民医保' },
  { item: 'employee', words: ['职工', '职保', '在职', '退休', '城保', 'employee'], shown: '职工医保' },
];

/** How a 办理方式 answer is written (radio / select option text). Order matters: 委托 first (委托人办理). */
export const MODE_WORDS: ReadonlyArray<{ mode: 'self' | 'delegated'; words: readonly string[] }> = [
  { mode: 'delegated', words: ['委托', '代办', '代理', '他人', '代为'] },
  { mode: 'self', words: ['本人', '个人', '自己'] },
];
