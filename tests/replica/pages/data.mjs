// Data shared by the replica pages (items, banks, regions).

export const ITEMS = [
  {
    id: 'c85a49fb-2dc3-4a53-95e1-25e9b0491bae',
    code: '310117006000-0101', // old ywtb itemCode
    kind: '职保',
    name: '办理医疗费零星报销(职保人员)',
    dept: '松江区医疗保障局',
  },
  {
    id: '4683b2e6-c7bc-4962-995c-54c7dfd6a62c',
    code: '310117006000-0102',
    kind: '居保',
    name: '办理医疗费零星报销(居保人员)',
    dept: '松江区医疗保障局',
  },
];

export const itemById = (id) => ITEMS.find((i) => i.id === id);
export const itemByCodeOrId = (v) => ITEMS.find((i) => i.code === v || i.id === v);

export const BANKS = [
  { value: '102', label: '中国工商银行' },
  { value: '103', label: '中国农业银行' },
  { value: '104', label: '中国银行' },
  { value: '105', label: '中国建设银行' },
  { value: '301', label: '交通银行' },
  { value: '322', label: '上海农商银行' },
  { value: '308', label: '招商银行' },
  { value: '310', label: '浦发银行' },
  { value: '325', label: '上海银行' },
  { value: '403', label: '中国邮政储蓄银行' },
  { value: '302', label: '中信银行' },
  { value: '305', label: '中国民生银行' },
];

export const SH_DISTRICTS = [
  { value: '310101', label: '黄浦区' },
  { value: '310104', label: '徐汇区' },
  { value: '310105', label: '长宁区' },
  { value: '310106', label: '静安区' },
  { value: '310107', label: '普陀区' },
  { value: '310109', label: '虹口区' },
  { value: '310110', label: '杨浦区' },
  { value: '310112', label: '闵行区' },
  { value: '310113', label: '宝山区' },
  { value: '310114', label: '嘉定区' },
  { value: '310115', label: '浦东新区' },
  { value: '310116', label: '金山区' },
  { value: '310117', label: '松江区' },
  { value: '310118', label: '青浦区' },
  { value: '310120', label: '奉贤区' },
  { value: '310151', label: '崇明区' },
];

/** el-cascader options: 省 / 市 / 区 */
export const REGIONS = [
  {
    value: '310000', label: '上海市',
    children: [{ value: '310100', label: '市辖区', children: SH_DISTRICTS }],
  },
  {
    value: '320000', label: '江苏省',
    children: [
      { value: '320500', label: '苏州市', children: [
        { value: '320583', label: '昆山市' }, { value: '320585', label: '太仓市' }, { value: '320506', label: '吴中区' },
      ] },
      { value: '320100', label: '南京市', children: [
        { value: '320102', label: '玄武区' }, { value: '320104', label: '秦淮区' },
      ] },
    ],
  },
  {
    value: '330000', label: '浙江省',
    children: [
      { value: '330400', label: '嘉兴市', children: [
        { value: '330421', label: '嘉善县' }, { value: '330482', label: '平湖市' }, { value: '330402', label: '南湖区' },
      ] },
    ],
  },
];

/** Resolves cascader codes to labels, e.g. ['310000','310100','310117'] -> ['上海市','市辖区','松江区'] */
export function regionLabels(codes) {
  const out = [];
  let level = REGIONS;
  for (const c of codes || []) {
    const n = (level || []).find((o) => o.value === c);
    if (!n) break;
    out.push(n.label);
    level = n.children;
  }
  return out;
}

/** The materials of step 3, in portal order. `label` is the key used in state().uploads. */
export const MATERIALS = [
  { label: '银行卡', required: true, tip: '报销发票本人的银行卡' },
  { label: '社保卡（无社保卡可上传医保卡）', required: true, tip: '报销发票本人的社保卡，没有社保卡可上传医保卡图片' },
  { label: '身份证', required: true, tip: '报销发票本人的身份证；未成年人无身份证可上传户口本本人页；报销人员过世的，可上传死亡证明或户籍注销证明或火化证明' },
  { label: '被委托人身份证', required: 'delegate', tip: '一网通办账户人的身份证，选择委托人办理时必须上传' },
  { label: '出院小结', required: 'inpatient', tip: '报销住院发票的，必须上传出院小结' },
  { label: '发票', required: true, tip: '医疗费发票原件照片' },
  { label: '发票明细', required: false, tip: '医疗费发票对应的费用明细清单' },
];
