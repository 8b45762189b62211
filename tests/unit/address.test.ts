import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  classifyAddress,
  districtOfAddress,
  isInsideSongjiang,
  findPlaces,
  SHANGHAI_STREETS,
  SHANGHAI_DISTRICTS,
  type Verdict,
} from '@/utils/address';
import { ID_PROVINCES, shortProvinceName } from '@/utils/validate/regions';

type Case = [text: string, verdict: Verdict, district?: string, place?: string, code?: string];

const INSIDE: Case[] = [
  // shapes from ADDRESSES.md
  ['上海市松江区泗泾镇泗通路225弄10号301室', 'inside', '松江区', '泗泾镇', 'address-inside-place'],
  ['上海市松江区涞坊路288弄5号', 'inside', '松江区', '松江区', 'address-inside-district'],
  ['松江区石湖荡镇金汇村金星104号', 'inside', '松江区', '石湖荡镇'],
  ['九亭镇涞亭南路888弄12号', 'inside', '松江区', '九亭镇'],
  ['上海松江大学城文汇路1000号', 'inside', '松江区', '松江大学城'],
  // prefix variants
  ['上海松江荣乐东路100号', 'inside', '松江区', '松江', 'address-inside-district'],
  ['松江区人民北路50号', 'inside', '松江区'],
  ['松江 谷阳北路', 'inside', '松江区'],
  ['上海市 松江区 中山街道 中山中路100号', 'inside', '松江区', '中山街道'],
  ['上 海 市 松 江 区', 'inside', '松江区'],
  ['上海市松江区', 'inside', '松江区'],
  ['　上海市　松江区　九亭镇　１２３号', 'inside', '松江区', '九亭镇'],
  // every kind of Songjiang name
  ['方松街道', 'inside', '松江区', '方松街道'],
  ['上海市广富林街道龙源路', 'inside', '松江区', '广富林街道'],
  ['九里亭街道', 'inside', '松江区', '九里亭街道'],
  ['佘山镇外青松公路', 'inside', '松江区', '佘山镇'],
  ['车墩镇影视路', 'inside', '松江区', '车墩镇'],
  ['洞泾镇', 'inside', '松江区', '洞泾镇'],
  ['泖港镇', 'inside', '松江区', '泖港镇'],
  ['新浜镇', 'inside', '松江区', '新浜镇'],
  ['叶榭镇', 'inside', '松江区', '叶榭镇'],
  ['小昆山镇', 'inside', '松江区', '小昆山镇'],
  ['上海市小昆山', 'inside', '松江区', '小昆山'],
  ['松江工业区', 'inside', '松江区', '松江工业区'],
  ['佘山度假区', 'inside', '松江区', '佘山度假区'],
  ['上海松江出口加工区', 'inside', '松江区', '上海松江出口加工区'],
  ['松江新城', 'inside', '松江区', '松江新城'],
  ['松江老城', 'inside', '松江区', '松江老城'],
  ['松江南站', 'inside', '松江区', '松江南站'],
  ['茸北', 'inside', '松江区', '茸北'],
  ['松江县', 'inside', '松江区'],
  ['泗泾 泗通路', 'inside', '松江区', '泗泾'],
  ['地铁9号线九亭站', 'inside', '松江区', '九亭'],
  ['Songjiang District, Shanghai', 'inside', '松江区'],
  // names shared with other provinces: inside with 上海 context or nothing else named
  ['上海新桥镇', 'inside', '松江区', '新桥镇', 'address-inside-place'],
  ['新桥镇民益路', 'inside', '松江区', '新桥镇', 'address-inside-shared-name'],
  ['中山街道', 'inside', '松江区', '中山街道', 'address-inside-shared-name'],
  ['永丰街道', 'inside', '松江区', '永丰街道', 'address-inside-shared-name'],
  ['松江镇', 'inside', '松江区', '松江镇', 'address-inside-shared-name'],
  ['莘闵', 'inside', '松江区', '莘闵', 'address-inside-shared-name'],
  ['上海市永丰街道', 'inside', '松江区', '永丰街道', 'address-inside-place'],
  // a weak other-district name does not beat an explicit Songjiang town
  ['上海市松江区九亭镇（近七宝）', 'inside', '松江区', '九亭镇'],
  ['上海市松江區九亭鎮', 'inside', '松江区', '九亭镇'],
  // shops and estates named after cities are not the cities
  ['松江区九亭镇北京华联超市楼上', 'inside', '松江区', '九亭镇'],
  ['上海市松江区泗泾镇兰州拉面隔壁3号', 'inside', '松江区', '泗泾镇'],
  ['松江区方松街道香港丽园5号', 'inside', '松江区'],
  ['上海市松江区宁波银行旁', 'inside', '松江区'],
  // 黄浦江 is a river, not 黄浦区
  ['松江区车墩镇黄浦江边', 'inside', '松江区'],
];

const OUTSIDE: Case[] = [
  ['上海市闵行区七宝镇七莘路100号', 'outside', '闵行区', '七宝镇', 'address-outside-place'],
  ['七宝镇', 'outside', '闵行区', '七宝镇'],
  ['七宝古镇', 'outside', '闵行区', '七宝'],
  ['莘庄', 'outside', '闵行区', '莘庄'],
  ['上海市莘庄工业区', 'outside', '闵行区', '莘庄工业区'],
  ['闵行区', 'outside', '闵行区', '闵行区', 'address-outside-district'],
  ['上海闵行', 'outside', '闵行区', '闵行', 'address-outside-district'],
  ['马桥镇', 'outside', '闵行区'],
  ['颛桥', 'outside', '闵行区'],
  ['青浦区徐泾镇', 'outside', '青浦区', '徐泾镇'],
  ['徐泾', 'outside', '青浦区'],
  ['赵巷', 'outside', '青浦区'],
  ['金山区枫泾镇', 'outside', '金山区', '枫泾镇'],
  ['枫泾古镇', 'outside', '金山区'],
  ['亭林', 'outside', '金山区'],
  ['虹桥镇', 'outside', '闵行区'],
  ['虹桥', 'outside', '闵行区或长宁区'],
  ['上海市长宁区虹桥街道', 'outside', '长宁区', '虹桥街道'],
  ['上海市浦东新区张江镇', 'outside', '浦东新区', '张江镇'],
  ['上海市黄浦区南京东路100号', 'outside', '黄浦区'],
  ['奉贤区南桥镇', 'outside', '奉贤区'],
  ['上海市嘉定区安亭镇', 'outside', '嘉定区'],
  ['上海市宝山区', 'outside', '宝山区'],
  ['崇明', 'outside', '崇明区'],
  ['南汇', 'outside', '浦东新区'],
  ['卢湾区', 'outside', '黄浦区'],
  ['嘉兴路街道', 'outside', '虹口区', '嘉兴路街道'],
  ['Minhang District, Shanghai', 'outside', '闵行区'],
  ['Shanghai Minhang Qibao', 'outside', '闵行区'],
  ['上海市閔行區七寶鎮', 'outside', '闵行区', '七宝镇'],
  ['天津市滨海新区大港', 'outside', '天津市'],
  // another district named anywhere wins
  ['上海市松江区九亭镇 闵行区', 'outside', '闵行区'],
  // other provinces / cities
  ['江苏省常州市新桥镇', 'outside', '江苏省常州市', '新桥镇', 'address-outside-shared-name'],
  ['新桥镇 江苏', 'outside', '江苏省', '新桥镇', 'address-outside-shared-name'],
  ['浙江省嘉兴市新桥镇', 'outside', '浙江省嘉兴市', '新桥镇'],
  ['广东省中山市中山街道', 'outside', '广东省中山市', '中山街道'],
  ['湖北省武汉市中山街道', 'outside', '湖北省武汉市', '中山街道'],
  ['吉林省吉林市松江镇', 'outside', '吉林省', '松江镇'],
  ['吉林省白山市抚松县松江河镇', 'outside', '吉林省白山市'],
  ['松江河镇', 'outside', '吉林省白山市', '松江河镇', 'address-outside-province'],
  ['哈尔滨市南岗区松江路', 'outside', '黑龙江省哈尔滨市'],
  ['天津市河西区松江路', 'outside', '天津市'],
  ['浙江省杭州市西湖区', 'outside', '浙江省杭州市', '浙江省', 'address-outside-province'],
  ['嘉兴市嘉善县', 'outside', '浙江省嘉兴市'],
  ['江苏昆山花桥', 'outside', '江苏省昆山市'],
  ['昆山市玉山镇', 'outside', '江苏省昆山市'],
  ['湖南省岳阳市', 'outside', '湖南省岳阳市'],
  ['中国香港九龙弥敦道', 'outside', '香港特别行政区'],
  ['北京海淀', 'outside', '北京市'],
];

const UNKNOWN: Case[] = [
  ['沪松公路1000号', 'unknown', undefined, undefined, 'address-road-only'],
  ['莘松路', 'unknown', undefined, undefined, 'address-road-only'],
  ['嘉松南路', 'unknown', undefined, undefined, 'address-road-only'],
  ['人民路100号', 'unknown', undefined, undefined, 'address-road-only'],
  ['中山北路', 'unknown', undefined, undefined, 'address-road-only'],
  ['松江路88号', 'unknown', undefined, undefined, 'address-road-only'],
  ['上海市人民路100号', 'unknown', undefined, undefined, 'address-road-only'],
  ['上海市', 'unknown', undefined, undefined, 'address-shanghai-only'],
  ['上海市江苏路', 'unknown', undefined, undefined, 'address-shanghai-only'],
  ['北京东路100号', 'unknown', undefined, undefined, 'address-unverified'],
  ['嘉兴路100号', 'unknown', undefined, undefined, 'address-unverified'],
  ['金汇村', 'unknown', undefined, undefined, 'address-unverified'],
  ['幸福小区3号楼', 'unknown', undefined, undefined, 'address-unverified'],
  ['幸福小区3号楼 张泽收', 'unknown', undefined, undefined, 'address-unverified'], // 张泽 is also a personal name
  ['上海市虹桥路100号', 'unknown', undefined, undefined, 'address-shanghai-only'],
  ['abc123', 'unknown', undefined, undefined, 'address-unreadable'],
  ['!!!###', 'unknown', undefined, undefined, 'address-unreadable'],
  ['九亭 七宝', 'unknown', undefined, undefined, 'address-conflict'],
  ['莘庄 泗泾', 'unknown', undefined, undefined, 'address-conflict'],
];

const EMPTY: Case[] = [
  ['', 'empty', undefined, undefined, 'address-empty'],
  ['   ', 'empty'],
  ['\u3000\u3000', 'empty'],
  ['\n\t', 'empty'],
  ['\u200b', 'empty'],
];

describe('classifyAddress', () => {
  it.each([...INSIDE, ...OUTSIDE, ...UNKNOWN, ...EMPTY])('%s → %s %s %s', (text, verdict, district, place, code) => {
    const v = classifyAddress(text);
    expect(v.verdict).toBe(verdict);
    if (district !== undefined) expect(v.district).toBe(district);
    if (place !== undefined) expect(v.place).toBe(place);
    if (code !== undefined) expect(v.code).toBe(code);
    expect(v.message.length).toBeGreaterThan(8);
    expect(v.message).not.toMatch(/\$\d/);
  });

  it('knows every province-level division of the ID table outside Shanghai, full and short (one table of names)', () => {
    const outside = Object.entries(ID_PROVINCES).filter(([code]) => code !== '31' && code !== '83');
    expect(outside).toHaveLength(33);
    for (const [code, full] of outside) {
      expect(classifyAddress(`${full}某某路1号`), full).toMatchObject({ verdict: 'outside', district: full });
      const short = ['71', '81', '82'].includes(code) ? `中国${shortProvinceName(full)}` : shortProvinceName(full);
      expect(classifyAddress(`${short}某某路1号`), short).toMatchObject({ verdict: 'outside', district: full });
    }
    // bare 香港 / 台湾 also name Shanghai estates and shops
    expect(classifyAddress('松江区方松街道香港丽园5号').verdict).toBe('inside');
  });

  it('says why, in plain Chinese', () => {
    expect(classifyAddress('上海市闵行区七宝镇').message).toBe('地址中的「七宝镇」属于闵行区，报销快递只能寄往松江区，请换一个松江区的地址。');
    expect(classifyAddress('七宝').message).toContain('「七宝」属于闵行区');
    expect(classifyAddress('江苏省常州市新桥镇').message).toContain('「新桥镇」虽然和松江区的地名相同');
    expect(classifyAddress('江苏省常州市新桥镇').message).toContain('江苏省常州市');
    expect(classifyAddress('沪松公路1000号').message).toContain('闵行区和松江区');
    expect(classifyAddress('幸福小区3号楼').message).toContain('无法确认');
    expect(classifyAddress('九亭镇').message).toContain('「九亭镇」属于松江区');
  });

  it('carries codes and params for machines', () => {
    const v = classifyAddress('青浦区徐泾镇');
    expect(v.code).toBe('address-outside-place');
    expect(v.params).toEqual(['徐泾镇', '青浦区']);
    expect(v.evidence.map((e) => e.name)).toEqual(['青浦区', '徐泾镇']);
  });

  it('treats non-strings as empty', () => {
    expect(classifyAddress(undefined as unknown as string).verdict).toBe('empty');
    expect(classifyAddress(null as unknown as string).verdict).toBe('empty');
  });

  describe('2,000-character strings', () => {
    it('a Songjiang address followed by 2,000 characters of noise', () => {
      expect(classifyAddress('上海市松江区九亭镇' + '甲'.repeat(2000)).verdict).toBe('inside');
    });
    it('another district hidden at the end of 2,000 characters', () => {
      expect(classifyAddress('松江区' + '号'.repeat(2000) + '闵行区').verdict).toBe('outside');
    });
    it('repetitions and junk stay fast', () => {
      const inputs = ['松江'.repeat(1000), 'a'.repeat(2000), '七宝九亭'.repeat(500), Array.from({ length: 2000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('')];
      const t0 = performance.now();
      for (const s of inputs) classifyAddress(s);
      expect(performance.now() - t0).toBeLessThan(200); // generous: shared CI machine
      expect(classifyAddress('松江'.repeat(1000)).verdict).toBe('inside');
      expect(classifyAddress('a'.repeat(2000)).verdict).toBe('unknown');
      expect(classifyAddress('七宝九亭'.repeat(500)).verdict).toBe('unknown');
    });
  });

  describe('the whole gazetteer', () => {
    const others = SHANGHAI_STREETS.filter(([, , d]) => d !== '松江区');
    const songjiang = SHANGHAI_STREETS.filter(([, , d]) => d === '松江区');
    it('has 20 Songjiang entries and 16 districts', () => {
      expect(songjiang).toHaveLength(20);
      expect(SHANGHAI_DISTRICTS).toHaveLength(16);
    });
    it('every other-district 街道/镇 is outside, alone and after 上海市, with its district', () => {
      for (const [, name, district] of others) {
        for (const text of [name, `上海市${name}`, `上海市${district}${name}88号`, `${name}幸福路1号`]) {
          const v = classifyAddress(text);
          expect(v.verdict, text).toBe('outside');
          expect(v.district, text).toBe(district);
        }
      }
    });
    it('every Songjiang 街道/镇 is inside, alone, after 上海市, and after 上海市松江区', () => {
      for (const [, name] of songjiang)
        for (const text of [name, `上海市${name}`, `上海市松江区${name}幸福路1号`, `松江${name}`])
          expect(classifyAddress(text).verdict, text).toBe('inside');
    });
    it('every other district, full and short, is outside even with a Songjiang town', () => {
      for (const [, district] of SHANGHAI_DISTRICTS.filter(([, d]) => d !== '松江区')) {
        expect(classifyAddress(`上海市${district}九亭镇`).verdict, district).toBe('outside');
        expect(classifyAddress(`上海${district.replace(/新?区$/, '')} 某某路1号`).verdict, district).toBe('outside');
      }
    });
  });

  it('property: never throws, always one of the four verdicts, with a message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 })), (s) => {
        const v = classifyAddress(s);
        expect(['inside', 'outside', 'unknown', 'empty']).toContain(v.verdict);
        expect(v.message).not.toBe('');
      }),
      { numRuns: 1500 },
    );
  });

  it('property: a Songjiang address + another district anywhere is never inside', () => {
    const otherDistricts = SHANGHAI_DISTRICTS.map(([, d]) => d).filter((d) => d !== '松江区');
    fc.assert(
      fc.property(fc.constantFrom(...otherDistricts), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (d, a, b) => {
        expect(classifyAddress(`上海市松江区九亭镇${a}${d}${b}`).verdict).not.toBe('inside');
      }),
      { numRuns: 500 },
    );
  });

  it('property: full-width and spaced versions give the same verdict', () => {
    const toFull = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const [text] of [...INSIDE, ...OUTSIDE, ...UNKNOWN]) {
      expect(classifyAddress(toFull(text)).verdict, text).toBe(classifyAddress(text).verdict);
      if (/[a-z]/i.test(text)) continue; // spaces separate pinyin words: not comparable
      const spaced = [...text].join(' ');
      expect(classifyAddress(spaced).verdict, spaced).toBe(classifyAddress(text).verdict);
    }
  });
});

describe('districtOfAddress / isInsideSongjiang', () => {
  it.each([
    ['上海市闵行区七宝镇', '闵行区'],
    ['七宝', '闵行区'],
    ['九亭镇', '松江区'],
    ['上海松江大学城', '松江区'],
    ['浦东张江', '浦东新区'],
    ['浙江省杭州市', null],
    ['虹桥', null],
    ['人民路1号', null],
    ['', null],
  ])('%s → %s', (text, district) => {
    expect(districtOfAddress(text)).toBe(district);
  });
  it('isInsideSongjiang', () => {
    expect(isInsideSongjiang('九亭镇涞亭南路888弄')).toBe(true);
    expect(isInsideSongjiang('七宝镇')).toBe(false);
    expect(isInsideSongjiang('沪松公路')).toBe(false);
    expect(isInsideSongjiang('')).toBe(false);
  });
  it('findPlaces ignores bare names used as roads or villages', () => {
    expect(findPlaces('北京东路').map((e) => e.name)).toEqual([]);
    expect(findPlaces('七宝村').map((e) => e.name)).toEqual([]);
    expect(findPlaces('松江区松江路').map((e) => e.kind)).toEqual(['district', 'road']);
  });
});
