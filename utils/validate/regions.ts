/**
 * Region codes for ID numbers (GB/T 2260). An ID keeps the code of the place where it was first issued, so
 * retired codes stay valid forever: only the province (first two digits) is checked; the 6-digit region is
 * only used for a friendly note.
 */

/** Province-level codes (first two digits). 83 is used by residence permits of Taiwan residents. */
export const ID_PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省',
  '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省',
  '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区',
  '61': '陕西省', '62': '甘肃省', '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区',
  '71': '台湾省', '81': '香港特别行政区', '82': '澳门特别行政区', '83': '台湾地区（居住证）',
};

/** A province-level name without its suffix: 浙江省 → 浙江, 广西壮族自治区 → 广西, 香港特别行政区 → 香港. */
export const shortProvinceName = (full: string) => full.replace(/(壮族|回族|维吾尔)?自治区$|特别行政区$|[省市]$/u, '');

/** Shanghai's region codes, current and retired: [code, name, retired?, what it became]. */
export const SHANGHAI_REGIONS: ReadonlyArray<readonly [string, string, boolean, string?]> = [
  ['310100', '上海市市辖区', true], ['310101', '黄浦区', false], ['310102', '南市区', true, '黄浦区'],
  ['310103', '卢湾区', true, '黄浦区'], ['310104', '徐汇区', false], ['310105', '长宁区', false],
  ['310106', '静安区', false], ['310107', '普陀区', false], ['310108', '闸北区', true, '静安区'],
  ['310109', '虹口区', false], ['310110', '杨浦区', false], ['310111', '吴淞区', true, '宝山区'],
  ['310112', '闵行区', false], ['310113', '宝山区', false], ['310114', '嘉定区', false],
  ['310115', '浦东新区', false], ['310116', '金山区', false], ['310117', '松江区', false],
  ['310118', '青浦区', false], ['310119', '南汇区', true, '浦东新区'], ['310120', '奉贤区', false],
  ['310151', '崇明区', false],
  ['310200', '上海市县', true], ['310221', '上海县', true, '闵行区'], ['310222', '嘉定县', true, '嘉定区'],
  ['310223', '宝山县', true, '宝山区'], ['310224', '川沙县', true, '浦东新区'], ['310225', '南汇县', true, '浦东新区'],
  ['310226', '奉贤县', true, '奉贤区'], ['310227', '松江县', true, '松江区'], ['310228', '金山县', true, '金山区'],
  ['310229', '青浦县', true, '青浦区'], ['310230', '崇明县', true, '崇明区'],
];

const SH = new Map(SHANGHAI_REGIONS.map(([code, name, retired, now]) => [code, { name, retired, now }]));

export function shanghaiRegion(code: string): { name: string; retired: boolean; now?: string } | undefined {
  return SH.get(code);
}
