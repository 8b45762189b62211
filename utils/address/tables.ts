/**
 * Hand-curated place knowledge for the address classifier, kept as data.
 * Sources: ../shared/domain/ADDRESSES.md (Songjiang names, colloquial names, traps) and common knowledge of
 * Shanghai's administrative history. The official list of 街道/镇 comes from ./gazetteer.generated.ts.
 *
 * Every name is written as people write it; the classifier NFKC-normalises names and text alike.
 */

import { ID_PROVINCES, shortProvinceName } from '@/utils/validate/regions';

export const SONGJIANG = '松江区';

/** Short names and pinyin of today's 16 districts (full names come from the generated gazetteer). */
export const DISTRICT_ALIASES: ReadonlyArray<{ district: string; short: string[]; pinyin: string }> = [
  { district: '黄浦区', short: ['黄浦'], pinyin: 'huangpu' },
  { district: '徐汇区', short: ['徐汇'], pinyin: 'xuhui' },
  { district: '长宁区', short: ['长宁'], pinyin: 'changning' },
  { district: '静安区', short: ['静安'], pinyin: 'jing\'an' },
  { district: '普陀区', short: ['普陀'], pinyin: 'putuo' },
  { district: '虹口区', short: ['虹口'], pinyin: 'hongkou' },
  { district: '杨浦区', short: ['杨浦'], pinyin: 'yangpu' },
  { district: '闵行区', short: ['闵行'], pinyin: 'minhang' },
  { district: '宝山区', short: ['宝山'], pinyin: 'baoshan' },
  { district: '嘉定区', short: ['嘉定'], pinyin: 'jiading' },
  { district: '浦东新区', short: ['浦东', '浦东区'], pinyin: 'pudong' },
  { district: '金山区', short: ['金山'], pinyin: 'jinshan' },
  { district: '松江区', short: ['松江'], pinyin: 'songjiang' },
  { district: '青浦区', short: ['青浦'], pinyin: 'qingpu' },
  { district: '奉贤区', short: ['奉贤'], pinyin: 'fengxian' },
  { district: '崇明区', short: ['崇明', '崇明县'], pinyin: 'chongming' },
];

/**
 * Former districts and counties (merged or renamed). People still write them, and ID numbers keep their codes.
 * [name, district it belongs to today]
 */
export const FORMER_DISTRICTS: ReadonlyArray<readonly [string, string]> = [
  ['卢湾区', '黄浦区'], ['卢湾', '黄浦区'], ['南市区', '黄浦区'],
  ['闸北区', '静安区'], ['闸北', '静安区'],
  ['南汇区', '浦东新区'], ['南汇县', '浦东新区'], ['南汇', '浦东新区'], ['川沙县', '浦东新区'],
  ['吴淞区', '宝山区'], ['宝山县', '宝山区'],
  ['上海县', '闵行区'],
  ['嘉定县', '嘉定区'], ['金山县', '金山区'], ['青浦县', '青浦区'], ['奉贤县', '奉贤区'],
  ['松江县', '松江区'],
];

/**
 * Songjiang names that are not in the official list: colloquial areas, former towns merged into today's
 * towns, and official names written without 镇/街道. `strong`: names that can only mean Songjiang
 * (they contain 松江 or are unmistakable); the others are "weak" evidence: enough alone, but not against
 * another place named in the same address. `shared`: the same name exists outside Shanghai.
 */
export const SONGJIANG_PLACES: ReadonlyArray<{ name: string; strong?: boolean; shared?: boolean; note?: string }> = [
  // colloquial areas
  { name: '松江新城', strong: true },
  { name: '松江老城', strong: true },
  { name: '松江大学城', strong: true },
  { name: '松江南站', strong: true },
  { name: '松江出口加工区', strong: true },
  { name: '松江经济技术开发区', strong: true },
  { name: '松江科技城', strong: true },
  { name: '佘山国家旅游度假区', strong: true },
  { name: '佘山度假区', strong: true },
  { name: '茸城' },
  { name: '茸北' },
  { name: '茸北镇', strong: true, note: '原茸北镇' },
  { name: '大港', shared: true, note: '原大港镇，今属车墩镇' },
  { name: '大港镇', shared: true, note: '原大港镇，今属车墩镇' },
  { name: '莘闵', shared: true, note: '原莘闵地区；闵行区也用“莘闵”作小区名' },
  { name: '五厍' }, { name: '五厍镇', strong: true },
  { name: '张泽镇', strong: true }, // bare 张泽 is also a common personal name
  { name: '华阳桥' }, { name: '华阳桥镇', strong: true },
  { name: '天马山' }, { name: '天马山镇', strong: true },
  { name: '辰山植物园' },
  { name: '泗联' },
  // official names written without 镇 / 街道
  { name: '方松' }, { name: '广富林' }, { name: '九里亭' }, { name: '泗泾' }, { name: '佘山' },
  { name: '车墩' }, { name: '洞泾' }, { name: '九亭' }, { name: '泖港' }, { name: '石湖荡' },
  { name: '新浜' }, { name: '叶榭' }, { name: '小昆山' },
  { name: '新桥', shared: true },
  { name: '松江工业园区', strong: true },
];

/** Official Songjiang names that also exist elsewhere in China (ADDRESSES.md). */
export const SHARED_SONGJIANG_NAMES: ReadonlyArray<{ name: string; elsewhere: string }> = [
  { name: '新桥镇', elsewhere: '江苏、浙江等地' },
  { name: '中山街道', elsewhere: '许多城市' },
  { name: '永丰街道', elsewhere: '外省市' },
  { name: '岳阳街道', elsewhere: '外省市' },
  { name: '松江镇', elsewhere: '吉林、湖南、四川等地' },
];

/**
 * Well-known places of other districts that people write without 镇/街道 (e.g. 七宝 → 闵行区).
 * [name, district(s)]. Generic words (书院, 金桥, 高桥 …) are left out on purpose: they also name
 * housing estates and villages in Songjiang.
 */
export const OTHER_DISTRICT_PLACES: ReadonlyArray<readonly [string, string[]]> = [
  // 闵行
  ['七宝', ['闵行区']], ['莘庄', ['闵行区']], ['颛桥', ['闵行区']], ['华漕', ['闵行区']], ['梅陇', ['闵行区']],
  ['吴泾', ['闵行区']], ['马桥', ['闵行区']], ['古美', ['闵行区']], ['新虹', ['闵行区']], ['浦锦', ['闵行区']],
  ['江川', ['闵行区']], ['虹桥', ['闵行区', '长宁区']], ['虹桥机场', ['长宁区']], ['虹桥火车站', ['闵行区']],
  ['虹桥枢纽', ['闵行区']], 
  // 青浦
  ['赵巷', ['青浦区']], ['徐泾', ['青浦区']], ['重固', ['青浦区']], ['朱家角', ['青浦区']], ['练塘', ['青浦区']],
  ['金泽', ['青浦区']], ['白鹤', ['青浦区']], ['盈浦', ['青浦区']], ['香花桥', ['青浦区']],
  ['淀山湖', ['青浦区']],
  // 金山
  ['枫泾', ['金山区']], ['亭林', ['金山区']], ['朱泾', ['金山区']], ['张堰', ['金山区']], ['吕巷', ['金山区']],
  ['廊下', ['金山区']], ['金山卫', ['金山区']], ['漕泾', ['金山区']], 
  // 奉贤
  ['南桥', ['奉贤区']], ['奉城', ['奉贤区']], ['庄行', ['奉贤区']], ['柘林', ['奉贤区']], ['四团', ['奉贤区']],
  ['青村', ['奉贤区']], ['西渡', ['奉贤区']], ['奉浦', ['奉贤区']], 
  // 嘉定
  ['南翔', ['嘉定区']], ['安亭', ['嘉定区']], ['马陆', ['嘉定区']], ['徐行', ['嘉定区']], ['外冈', ['嘉定区']],
  ['江桥', ['嘉定区']], ['真新', ['嘉定区']],
  // 宝山
  ['罗店', ['宝山区']], ['大场', ['宝山区']], ['杨行', ['宝山区']], ['月浦', ['宝山区']], ['罗泾', ['宝山区']],
  ['顾村', ['宝山区']], ['高境', ['宝山区']], ['庙行', ['宝山区']], ['淞南', ['宝山区']], ['吴淞', ['宝山区']],
  ['张庙', ['宝山区']],
  // 浦东
  ['川沙', ['浦东新区']], ['北蔡', ['浦东新区']], ['合庆', ['浦东新区']], ['曹路', ['浦东新区']], ['张江', ['浦东新区']],
  ['三林', ['浦东新区']], ['惠南', ['浦东新区']], ['周浦', ['浦东新区']], ['新场', ['浦东新区']], ['大团', ['浦东新区']],
  ['航头', ['浦东新区']], ['祝桥', ['浦东新区']], ['泥城', ['浦东新区']], ['宣桥', ['浦东新区']], ['万祥', ['浦东新区']],
  ['老港', ['浦东新区']], ['临港', ['浦东新区']], ['陆家嘴', ['浦东新区']], ['洋泾', ['浦东新区']], ['塘桥', ['浦东新区']],
  ['周家渡', ['浦东新区']], ['金杨', ['浦东新区']], ['外高桥', ['浦东新区']], ['高行', ['浦东新区']], ['高东', ['浦东新区']],
  ['康桥', ['浦东新区']],
  // 中心城区
  ['徐家汇', ['徐汇区']], ['漕河泾', ['徐汇区']], ['田林', ['徐汇区']], ['华泾', ['徐汇区']], ['龙华', ['徐汇区']],
  ['北新泾', ['长宁区']], ['新泾', ['长宁区']], ['仙霞', ['长宁区']], ['程家桥', ['长宁区']], ['周家桥', ['长宁区']], ['曹家渡', ['静安区']], ['静安寺', ['静安区']], ['彭浦', ['静安区']],
  ['大宁', ['静安区']], ['曹杨', ['普陀区']], ['长风', ['普陀区']], ['真如', ['普陀区']], ['桃浦', ['普陀区']],
  ['五角场', ['杨浦区']], ['殷行', ['杨浦区']], ['新江湾城', ['杨浦区']], ['江湾', ['虹口区']],
  ['北外滩', ['虹口区']], ['外滩', ['黄浦区']], ['豫园', ['黄浦区']], ['打浦桥', ['黄浦区']], ['老西门', ['黄浦区']],
    // 崇明
  ['城桥', ['崇明区']], ['长兴岛', ['崇明区']], ['横沙岛', ['崇明区']], ['陈家镇', ['崇明区']],
];

/**
 * Provinces and other province-level divisions outside Shanghai: [full name, label, short names], from the one
 * table of division codes (utils/validate/regions.ts). Bare 香港/澳门/台湾 also name Shanghai housing estates and
 * shops (香港丽园, 台湾小吃): those count only in full or as 中国香港 / 中国澳门 / 中国台湾.
 */
const FULL_NAME_ONLY = new Set(['71', '81', '82']);
export const PROVINCES: ReadonlyArray<readonly [string, string, string[]]> = Object.entries(ID_PROVINCES)
  .filter(([code]) => code !== '31' && code !== '83')
  .map(([code, full]) => [full, full, [FULL_NAME_ONLY.has(code) ? `中国${shortProvinceName(full)}` : shortProvinceName(full)]] as const);

/**
 * Cities outside Shanghai: [name without 市, province]. `XX市` always counts; the bare name counts too
 * unless it is followed by 路/街/大道… (Shanghai's roads are named after provinces and cities: 北京东路,
 * 嘉兴路, 昆山路). Names that are also Songjiang places (岳阳, 中山, 永丰) are listed in CITIES_FULL_ONLY.
 */
export const CITIES: ReadonlyArray<readonly [string, string]> = [
  // neighbours first: most likely in a wrong address
  ['杭州', '浙江省'], ['嘉兴', '浙江省'], ['湖州', '浙江省'], ['绍兴', '浙江省'], ['宁波', '浙江省'],
  ['舟山', '浙江省'], ['温州', '浙江省'], ['金华', '浙江省'], ['台州', '浙江省'], ['衢州', '浙江省'],
  ['丽水', '浙江省'], ['嘉善', '浙江省'], ['平湖', '浙江省'], ['海宁', '浙江省'], ['桐乡', '浙江省'],
  ['海盐', '浙江省'], ['义乌', '浙江省'], ['慈溪', '浙江省'], ['余姚', '浙江省'],
  ['南京', '江苏省'], ['苏州', '江苏省'], ['无锡', '江苏省'], ['常州', '江苏省'], ['镇江', '江苏省'],
  ['南通', '江苏省'], ['扬州', '江苏省'], ['泰州', '江苏省'], ['盐城', '江苏省'], ['徐州', '江苏省'],
  ['淮安', '江苏省'], ['宿迁', '江苏省'], ['连云港', '江苏省'], ['昆山', '江苏省'], ['太仓', '江苏省'],
  ['常熟', '江苏省'], ['张家港', '江苏省'], ['吴江', '江苏省'], ['江阴', '江苏省'], ['宜兴', '江苏省'],
  ['启东', '江苏省'], ['海门', '江苏省'],
  ['合肥', '安徽省'], ['芜湖', '安徽省'], ['蚌埠', '安徽省'], ['安庆', '安徽省'], ['阜阳', '安徽省'],
  ['马鞍山', '安徽省'], ['滁州', '安徽省'], ['宣城', '安徽省'],
  ['福州', '福建省'], ['厦门', '福建省'], ['泉州', '福建省'],
  ['南昌', '江西省'], ['九江', '江西省'], ['上饶', '江西省'],
  ['济南', '山东省'], ['青岛', '山东省'], ['烟台', '山东省'], ['威海', '山东省'], ['临沂', '山东省'],
  ['郑州', '河南省'], ['洛阳', '河南省'], ['信阳', '河南省'],
  ['武汉', '湖北省'], ['宜昌', '湖北省'], ['长沙', '湖南省'],
  ['广州', '广东省'], ['深圳', '广东省'], ['东莞', '广东省'], ['佛山', '广东省'],
  ['成都', '四川省'], ['西安', '陕西省'], ['昆明', '云南省'], ['贵阳', '贵州省'], ['南宁', '广西壮族自治区'],
  ['海口', '海南省'], ['兰州', '甘肃省'], ['西宁', '青海省'], ['银川', '宁夏回族自治区'],
  ['乌鲁木齐', '新疆维吾尔自治区'], ['拉萨', '西藏自治区'], ['呼和浩特', '内蒙古自治区'],
  ['石家庄', '河北省'], ['太原', '山西省'], ['沈阳', '辽宁省'], ['大连', '辽宁省'], ['长春', '吉林省'],
  ['哈尔滨', '黑龙江省'],
];

/** Cities whose bare name is also a Songjiang/Shanghai name: only `XX市` (or `XX县`) counts. */
export const CITIES_FULL_ONLY: ReadonlyArray<readonly [string, string]> = [
  ['岳阳市', '湖南省'], ['中山市', '广东省'], ['永丰县', '江西省'], ['潍坊市', '山东省'], ['延吉市', '吉林省'],
  ['浦江县', '浙江省'],
];

/**
 * Words that, right after a bare province/city name, make it the name of a shop, bank or housing estate
 * (北京华联, 兰州拉面, 宁波银行, 杭州小笼包, 北京花园) rather than the place itself.
 */
export const NAMED_AFTER_WORDS: readonly string[] = [
  '银行', '拉面', '小面', '小吃', '小笼', '菜馆', '饭店', '酒家', '酒店', '宾馆', '大厦', '商会', '华联', '火锅', '烤鸭',
  '花园', '公寓', '花苑', '苑', '广场', '中心', '超市', '商城', '商厦', '大学', '医院', '小区', '风味', '餐厅', '面馆',
  '包子', '汤包', '米线', '菜', '家园', '名苑', '公馆',
];

/** Places elsewhere that look like Songjiang names. [name, label] */
export const LOOKALIKES_ELSEWHERE: ReadonlyArray<readonly [string, string]> = [
  ['松江河', '吉林省白山市'], ['松江河镇', '吉林省白山市'],
];

/** Rivers and bays whose names contain place names but say nothing about where an address is. */
export const NEUTRAL_NAMES: readonly string[] = ['黄浦江', '苏州河', '吴淞江', '杭州湾', '长江', '太湖', '上海南站', '上海站', '上海西站'];

/** Roads that run through several districts or exist in many cities: alone they prove nothing. */
export const SHARED_ROADS: ReadonlyArray<{ name: string; where: string; directions?: boolean }> = [
  { name: '沪松公路', where: '闵行区和松江区' },
  { name: '莘松路', where: '闵行区和松江区' },
  { name: '九新公路', where: '闵行区和松江区' },
  { name: '嘉松公路', where: '青浦区、嘉定区和松江区' },
  { name: '嘉松', where: '青浦区、嘉定区和松江区', directions: true },
  { name: '沪杭公路', where: '闵行区、松江区、金山区和奉贤区' },
  { name: '松卫', where: '松江区和金山区', directions: true },
  { name: '中山', where: '全国许多城市', directions: true },
  { name: '人民', where: '全国许多城市', directions: true },
  { name: '解放', where: '全国许多城市', directions: true },
  { name: '松江', where: '外地城市（如哈尔滨、天津）', directions: true },
  { name: '沪亭', where: '松江区和闵行区', directions: true },
];

/**
 * Traditional characters people (or OCR, or Hong Kong/Taiwan keyboards) use in place names → simplified.
 * Only characters that occur in the names above; applied after NFKC.
 */
export const TRADITIONAL_TO_SIMPLIFIED: Readonly<Record<string, string>> = {
  區: '区', 鎮: '镇', 縣: '县', 閔: '闵', 寶: '宝', 長: '长', 靜: '静', 匯: '汇', 楊: '杨', 莊: '庄',
  橋: '桥', 涇: '泾', 東: '东', 灣: '湾', 蘇: '苏', 廣: '广', 華: '华', 龍: '龙', 陸: '陆', 衛: '卫',
  葉: '叶', 蕩: '荡', 濱: '滨', 廟: '庙', 場: '场', 團: '团', 陳: '陈', 興: '兴', 寧: '宁', 黃: '黄',
  漢: '汉', 專: '专', 顓: '颛', 鳳: '凤', 賢: '贤', 會: '会', 歲: '岁', 嶺: '岭', 豐: '丰',
  邊: '边', 門: '门', 號: '号', 樓: '楼', 層: '层', 車: '车', 兩: '两', 關: '关', 澤: '泽',
  濟: '济', 臺: '台', 瀋: '沈', 陽: '阳', 島: '岛', 齊: '齐', 鄉: '乡', 進: '进', 鐵: '铁', 線: '线',
  嶼: '屿', 園: '园', 開: '开', 發: '发', 學: '学',
};
