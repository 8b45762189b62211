/**
 * Writes bench/data/addresses.json: a deterministic labelled set of addresses written from the gazetteer
 * (the official 街道/镇 list) plus the traps of ../shared/domain/ADDRESSES.md and issue 7.
 *
 *   node --import tsx bench/data/generate-addresses.ts
 *
 * Labels are the truth a careful human would give from the text alone:
 *   inside    — names 松江区 / a Songjiang 街道·镇 / a Songjiang colloquial name, and nothing elsewhere
 *   outside   — names another district, one of its 街道·镇 or well-known places, or another province/city
 *   ambiguous — the text cannot place it (roads shared by several districts, garbage): expected "unknown"
 *   empty     — nothing written
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHANGHAI_DISTRICTS, SHANGHAI_STREETS } from '../../utils/address/gazetteer.generated';

export type Label = 'inside' | 'outside' | 'ambiguous' | 'empty';
export interface LabelledAddress {
  text: string;
  label: Label;
  why: string;
  group: string;
}

/** Small deterministic PRNG (mulberry32) so the set never changes between runs. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildLabelledAddresses(): LabelledAddress[] {
  const rand = rng(20261125);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const n = (max: number) => 1 + Math.floor(rand() * max);
  const out: LabelledAddress[] = [];
  const add = (text: string, label: Label, why: string, group: string) => out.push({ text, label, why, group });

  // Real Songjiang roads (none of them carries a place name of another district).
  const sjRoads = ['涞坊路', '泗通路', '涞亭南路', '文汇路', '荣乐东路', '人民北路', '谷阳北路', '广富林路', '龙源路', '玉树路', '新松江路', '沪亭北路', '北松公路', '辰花路', '车亭公路', '松卫北路', '叶新公路', '三新北路', '梅家浜路', '洞泾路'];
  const villages = ['金汇村', '新农村', '长溇村', '黄桥村', '八字桥村', '三角渡村'];
  const tail = () => pick([`${n(999)}号`, `${n(2000)}弄${n(120)}号${n(30)}0${n(4)}室`, `${n(500)}弄${n(60)}号`, `${n(300)}号${n(20)}栋`]);
  const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  const songjiang = SHANGHAI_STREETS.filter(([, , d]) => d === '松江区');
  const others = SHANGHAI_STREETS.filter(([, , d]) => d !== '松江区');

  // ---- inside: every Songjiang 街道/镇/园区 in several shapes
  for (const [code, name] of songjiang) {
    const why = `${name} is in 松江区 (gazetteer ${code})`;
    add(`上海市松江区${name}${pick(sjRoads)}${tail()}`, 'inside', why, 'songjiang-full');
    add(`松江区${name}${pick(sjRoads)}${tail()}`, 'inside', why, 'songjiang-no-city');
    add(`${name}${pick(sjRoads)}${tail()}`, 'inside', `${why}; no district written`, 'songjiang-town-only');
    add(`上海${name}${pick(villages)}${n(200)}号`, 'inside', `${why}; village`, 'songjiang-village');
    add(fullWidth(`上海市 松江区 ${name} ${pick(sjRoads)} ${tail()}`), 'inside', `${why}; full-width and spaces`, 'songjiang-fullwidth');
    const core = name.replace(/(街道|镇)$/, '');
    if (core !== name && core.length >= 2) add(`上海松江${core}${pick(sjRoads)}${tail()}`, 'inside', `${why}; written without 镇/街道`, 'songjiang-core');
  }
  // ---- inside: district only, with every road (no 镇/街道 — must pass)
  for (const road of sjRoads) {
    add(`上海市松江区${road}${tail()}`, 'inside', '松江区 named', 'songjiang-district-only');
    add(`上海松江${road}${tail()}`, 'inside', '上海松江 = 松江区', 'songjiang-short');
  }
  // ---- inside: colloquial names
  for (const c of ['松江新城', '松江老城', '松江大学城', '松江南站', '茸北', '佘山度假区', '松江工业区'])
    for (const prefix of ['', '上海', '上海市']) add(`${prefix}${c}${pick(sjRoads)}${tail()}`, 'inside', `${c}: Songjiang colloquial / area name`, 'songjiang-colloquial');
  add('九亭镇涞亭南路888弄12号', 'inside', 'ADDRESSES.md example (town without district)', 'songjiang-doc');
  add('松江区石湖荡镇金汇村金星104号', 'inside', 'ADDRESSES.md example (village; 金汇 is also a 奉贤 town)', 'songjiang-doc');
  add('上海松江大学城文汇路1000号', 'inside', 'ADDRESSES.md example', 'songjiang-doc');
  add('上海市松江区涞坊路288弄5号', 'inside', 'ADDRESSES.md example (no 镇/街道)', 'songjiang-doc');
  add('地铁9号线九亭站', 'inside', '九亭 (metro 9) is Songjiang', 'trap-metro9');
  add('Songjiang District, Shanghai, Wenhui Road 1000', 'inside', 'pinyin district', 'songjiang-pinyin');
  add('上海市松江区' + '某'.repeat(2000), 'inside', '2,000-character string after a Songjiang prefix', 'long');

  // ---- outside: every other-district 街道/镇, with and without district
  const otherRoads = ['幸福路', '建设路', '文化路', '光明路', '和平路', '新华路', '友谊路', '团结路'];
  for (const [code, name, district] of others) {
    const why = `${name} is in ${district} (gazetteer ${code})`;
    add(`上海市${district}${name}${pick(otherRoads)}${tail()}`, 'outside', why, 'other-full');
    add(`${name}${pick(otherRoads)}${tail()}`, 'outside', `${why}; no district written`, 'other-town-only');
  }
  // every other district alone, full and short
  for (const [, district] of SHANGHAI_DISTRICTS.filter(([, d]) => d !== '松江区')) {
    add(`上海市${district}${pick(otherRoads)}${tail()}`, 'outside', `${district} named`, 'other-district');
    add(`上海${district.replace(/新?区$/, '')}${pick(otherRoads)}${tail()}`, 'outside', `${district} short name`, 'other-district-short');
    add(`上海市松江区九亭镇${pick(otherRoads)}${tail()}（${district}）`, 'outside', `${district} named anywhere means outside`, 'other-district-anywhere');
  }
  // well-known places written without 镇 (traps next to Songjiang)
  const bare: Array<[string, string]> = [
    ['七宝', '闵行区'], ['莘庄', '闵行区'], ['马桥', '闵行区'], ['华漕', '闵行区'], ['颛桥', '闵行区'], ['新虹', '闵行区'],
    ['赵巷', '青浦区'], ['徐泾', '青浦区'], ['重固', '青浦区'], ['朱家角', '青浦区'], ['枫泾', '金山区'], ['亭林', '金山区'],
    ['朱泾', '金山区'], ['南桥', '奉贤区'], ['南翔', '嘉定区'], ['安亭', '嘉定区'], ['张江', '浦东新区'], ['川沙', '浦东新区'],
    ['周浦', '浦东新区'], ['徐家汇', '徐汇区'], ['五角场', '杨浦区'], ['顾村', '宝山区'],
  ];
  for (const [place, district] of bare) {
    add(`上海${place}${pick(otherRoads)}${tail()}`, 'outside', `${place} is in ${district}`, 'trap-bare-place');
    add(`${place}古镇附近${tail()}`, 'outside', `${place} is in ${district}`, 'trap-bare-place');
  }
  add('地铁9号线七宝站', 'outside', '七宝 (metro 9) is Minhang, not Songjiang', 'trap-metro9');
  add('上海市闵行区七宝镇七莘路100号', 'outside', 'ADDRESSES.md trap', 'trap-metro9');

  // names shared with other provinces
  const sharedElsewhere: Array<[string, string]> = [
    ['江苏省常州市新北区新桥镇', '新桥镇 in Jiangsu'], ['浙江省嘉兴市新桥镇', '新桥镇 in Zhejiang'], ['江苏省靖江市新桥镇', '新桥镇 in Jiangsu'],
    ['浙江省富阳市新桥镇', '新桥镇 in Zhejiang'], ['湖北省武汉市江岸区中山街道', '中山街道 in Hubei'], ['福建省福州市中山街道', '中山街道 in Fujian'],
    ['广东省中山市中山街道', '中山街道 in Guangdong'], ['江西省吉安市永丰县永丰街道', '永丰街道 in Jiangxi'], ['北京市海淀区永丰街道', '永丰街道 in Beijing'],
    ['吉林省延边州安图县松江镇', '松江镇 in Jilin'], ['湖南省衡阳市衡南县松江镇', '松江镇 in Hunan'], ['四川省宜宾市松江镇', '松江镇 in Sichuan'],
    ['吉林省白山市抚松县松江河镇', '松江河镇 in Jilin'], ['湖南省岳阳市岳阳楼区', '岳阳 city, not 岳阳街道'],
  ];
  for (const [text, why] of sharedElsewhere) add(`${text}${pick(otherRoads)}${tail()}`, 'outside', why, 'trap-shared-name');
  // 松江路 in other cities
  for (const city of ['黑龙江省哈尔滨市南岗区', '天津市河西区', '吉林省长春市', '哈尔滨市', '天津市', '辽宁省大连市'])
    add(`${city}松江路${tail()}`, 'outside', `松江路 in ${city}`, 'trap-songjiang-road');
  // provinces and cities
  const elsewhere = ['浙江省杭州市西湖区', '浙江省嘉兴市南湖区', '浙江嘉善县', '江苏省苏州市昆山市', '江苏昆山花桥', '昆山市玉山镇', '江苏省南京市', '安徽省合肥市', '北京市朝阳区', '广东省深圳市南山区', '四川省成都市', '湖北省武汉市', '山东省青岛市', '河南省郑州市', '浙江省宁波市', '江苏省南通市', '江苏太仓', '嘉兴平湖', '杭州市萧山区', '苏州市吴江区', '新疆维吾尔自治区乌鲁木齐市', '香港特别行政区', '台湾省台北市', '黑龙江省哈尔滨市', '辽宁省沈阳市'];
  for (const e of elsewhere) add(`${e}${pick(otherRoads)}${tail()}`, 'outside', `${e} is not Shanghai`, 'other-province');
  add('某'.repeat(1995) + '上海市闵行区', 'outside', '2,000-character string, district at the end', 'long');

  // ---- ambiguous: roads alone, Shanghai alone, garbage
  for (const road of ['沪松公路', '莘松路', '嘉松公路', '嘉松南路', '沪杭公路', '中山路', '中山北路', '人民路', '人民北路', '松江路', '九新公路', '沪亭北路'])
    add(`${road}${tail()}`, 'ambiguous', `${road} alone runs in several districts or cities`, 'trap-shared-road');
  for (const road of ['北京东路', '江苏路', '嘉兴路', '昆山路', '浙江中路', '四川北路', '延安西路'])
    add(`${road}${tail()}`, 'ambiguous', `${road}: a road named after a province/city, not the place`, 'trap-city-road');
  add('上海市人民路100号', 'ambiguous', 'Shanghai, but no district', 'ambiguous-shanghai');
  add('上海市', 'ambiguous', 'Shanghai, but no district', 'ambiguous-shanghai');
  add('幸福小区3号楼2单元', 'ambiguous', 'no place name', 'ambiguous-none');
  add('金汇村12号', 'ambiguous', 'a village name alone', 'ambiguous-none');
  for (const junk of ['abc', '12345', '！！！', '????', '😀😀😀', 'asdfghjkl qwerty', '<script>alert(1)</script>', 'null', 'undefined', '{}', '\u0000\u0001', '号号号号号'])
    add(junk, 'ambiguous', 'garbage', 'malformed');
  add('a'.repeat(2000), 'ambiguous', '2,000 Latin letters', 'long');
  add(Array.from({ length: 2000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join(''), 'ambiguous', '2,000 random CJK characters (may hit names by chance)', 'long');

  // ---- realistic mixtures: shared roads with a district, typos, pinyin, old names
  const mixed: Array<[string, Label, string]> = [
    ['上海市松江区沪松公路1000号', 'inside', 'shared road + 松江区'],
    ['上海市闵行区沪松公路1000号', 'outside', 'shared road + 闵行区'],
    ['上海市闵行区莘松路58号', 'outside', 'shared road + 闵行区'],
    ['青浦区赵巷镇嘉松中路100号', 'outside', 'shared road + 青浦区'],
    ['松江区九亭镇沪亭北路99弄', 'inside', 'Songjiang town + road'],
    ['上海市松江县泗泾镇', 'inside', 'former 松江县'],
    ['上海市松江去九亭镇涞寅路', 'inside', 'typo 去 for 区, 松江 and 九亭镇 still named'],
    ['上海 松江 九亭', 'inside', 'short forms with spaces'],
    ['asdf九亭镇1234', 'inside', 'garbage around a Songjiang town'],
    ['佘山', 'inside', 'Songjiang town written without 镇'],
    ['天马山', 'inside', 'Songjiang hill / former town'],
    ['上海市青浦区徐泾镇（近松江）', 'outside', '青浦区 named; 松江 only as a landmark'],
    ['上海市金山区枫泾镇新浜村', 'outside', '金山区 named; 新浜村 is a village name'],
    ['上海市浦东新区书院镇', 'outside', 'Pudong town'],
    ['上海市崇明区堡镇', 'outside', 'Chongming town (two characters)'],
    ['唐镇', 'outside', 'Pudong town (two characters)'],
    ['嘉定新城', 'outside', '嘉定 short name'],
    ['天津市滨海新区大港', 'outside', '大港 in Tianjin, not the former Songjiang town'],
    ['Shanghai Minhang Qibao', 'outside', 'pinyin district'],
    ['上海市长宁区华阳路街道', 'outside', 'Changning 华阳路街道, not 华阳桥'],
    ['上海市虹桥路100号', 'ambiguous', '虹桥路 runs through several districts'],
    ['华阳路100号', 'ambiguous', 'a road alone'],
    ['松江区九亭镇北京华联超市楼上', 'inside', 'a shop named after 北京 is not Beijing'],
    ['上海市松江区泗泾镇兰州拉面隔壁3号', 'inside', 'a noodle shop named after 兰州'],
    ['松江区方松街道香港丽园5号', 'inside', 'a housing estate named after 香港'],
    ['上海市松江区宁波银行旁', 'inside', 'a bank named after 宁波'],
    ['上海市松江区黄浦江边', 'inside', '黄浦江 is a river, not 黄浦区'],
    ['上海市闵行区九亭镇', 'outside', 'another district named anywhere (wrongly combined with a Songjiang town)'],
  ];
  for (const [text, label, why] of mixed) add(text, label, why, 'realistic-mixed');

  // ---- empty
  for (const e of ['', ' ', '   ', '\u3000', '\n\t', '\u200b']) add(e, 'empty', 'nothing written', 'empty');
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const set = buildLabelledAddresses();
  const file = join(dirname(fileURLToPath(import.meta.url)), 'addresses.json');
  writeFileSync(file, JSON.stringify(set, null, 1) + '\n');
  const count = (l: Label) => set.filter((a) => a.label === l).length;
  console.log(`wrote ${set.length} addresses: inside ${count('inside')}, outside ${count('outside')}, ambiguous ${count('ambiguous')}, empty ${count('empty')}`);
}
