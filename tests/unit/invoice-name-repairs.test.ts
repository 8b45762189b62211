// Payer names with easily confused characters marked; hospital names repaired from what hospital names are made of (labels.ts: HOSPITAL_NAME_PARTS, PROVINCES),
// and how sure the review is told to be of them.
import { describe, expect, it } from 'vitest';
import type { FieldStates } from '@/utils/invoice/crosscheck';
import { repairHospitalName } from '@/utils/invoice/hospital-names';
import { hasConfusableChar } from '@/utils/invoice/names';
import { markConfusablePayer, repairHospital } from '@/utils/invoice/read-invoice';
import { nameOnRing } from '@/utils/invoice/seal';

describe('repairHospitalName', () => {
  it('one misread character in a common part', () => {
    expect(repairHospitalName('丽水市第二人民匹院')).toEqual({ name: '丽水市第二人民医院', repaired: true });
    expect(repairHospitalName('宜昌市第一大民医院')).toEqual({ name: '宜昌市第一人民医院', repaired: true });
    expect(repairHospitalName('南昌市西湖区妇幼保键院')).toEqual({ name: '南昌市西湖区妇幼保健院', repaired: true });
  });
  it('a stray mark before the province that starts the name', () => {
    expect(repairHospitalName('让语江西省胸科医院')).toEqual({ name: '江西省胸科医院', repaired: true });
  });
  it('a stray mark before a city followed by 市 / 大学 / 第 …, never before a name that starts with a place', () => {
    expect(repairHospitalName('二无锡市人民医院')).toEqual({ name: '无锡市人民医院', repaired: true });
    expect(repairHospitalName('三无锡市人民医院', '32')).toEqual({ name: '无锡市人民医院', repaired: true });
    expect(repairHospitalName('一南通大学附属医院')).toEqual({ name: '南通大学附属医院', repaired: true });
    // a place that starts the name, with another inside it; a city not followed by what follows a place
    for (const n of ['三门峡市中心医院', '五大连池市第一人民医院', '中山大学附属第一医院', '北大医院']) expect(repairHospitalName(n)).toEqual({ name: n, repaired: false });
  });
  it('leaves names alone that are right, numbered differently, or another common form', () => {
    for (const n of ['江西省人民医院', '宜昌市第三人民医院', '复旦大学附属中山医院', '上海市松江区中心医院', '温州医科大学附属第一医院', '南京中医药大学附属医院', '北京人和医院']) {
      expect(repairHospitalName(n)).toEqual({ name: n, repaired: false });
    }
    // 第一 vs 第三: numerals are never repaired into each other
    expect(repairHospitalName('宜昌市第三医院').repaired).toBe(false);
  });
  it('a character of a common part read twice; a numeral read inside a common part', () => {
    expect(repairHospitalName('襄阳市第一人人民医院')).toEqual({ name: '襄阳市第一人民医院', repaired: true });
    expect(repairHospitalName('方松街道社区五生服务中心')).toEqual({ name: '方松街道社区卫生服务中心', repaired: true });
    // a numeral is still never repaired into another, nor a place that holds one
    expect(repairHospitalName('上海市第五人民医院')).toEqual({ name: '上海市第五人民医院', repaired: false });
    expect(repairHospitalName('十堰市人民医院', '42')).toEqual({ name: '十堰市人民医院', repaired: false });
  });
  it('a district of a municipality one character away, before 区 / 县', () => {
    expect(repairHospitalName('上海市枞江区方松街道社区卫生服务中心')).toEqual({ name: '上海市松江区方松街道社区卫生服务中心', repaired: true });
    expect(repairHospitalName('北京市海锭区妇幼保健院', '11')).toEqual({ name: '北京市海淀区妇幼保健院', repaired: true });
    expect(repairHospitalName('重庆市万洲区人民医院')).toEqual({ name: '重庆市万州区人民医院', repaired: true });
    // right districts, a numbered hospital, two districts one character away (河东 / 河西 from 河北 …)
    for (const n of ['上海市松江区中心医院', '上海市第十人民医院', '天津市河南区医院', '北京市朝阳区双桥医院']) expect(repairHospitalName(n).name).toBe(n);
  });
  it('a university one character away (MEDICAL_UNIVERSITIES), only when exactly one fits', () => {
    expect(repairHospitalName('复日大学附属中山医院')).toEqual({ name: '复旦大学附属中山医院', repaired: true });
    expect(repairHospitalName('首部医科大学附属北京朝阳医院')).toEqual({ name: '首都医科大学附属北京朝阳医院', repaired: true });
    expect(repairHospitalName('上海交迪大学医学院附属瑞金医院')).toEqual({ name: '上海交通大学医学院附属瑞金医院', repaired: true });
    // 复昌: 复旦 or 南昌 — not guessed; a university read right stays, 中山 is not made 中南
    for (const n of ['复昌大学附属华山医院', '中山大学附属第一医院', '中南大学湘雅医院', '东南大学附属中大医院']) expect(repairHospitalName(n)).toEqual({ name: n, repaired: false });
  });
  it('two misread characters are not guessed', () => {
    expect(repairHospitalName('宜昌市大区医院').repaired).toBe(false);
  });
});

describe('repairHospital on a reading', () => {
  const st = (value: string, conf: number): FieldStates => ({ hospital: { value, conf, source: 'ocr', boxes: [] } });
  it('repairs a name already shown for checking, keeping the reading as an alternative', () => {
    const s = st('宜昌市第一人民匹院', 0.4);
    repairHospital(s);
    expect(s.hospital).toMatchObject({ value: '宜昌市第一人民医院', conf: 0.4, alts: ['宜昌市第一人民匹院'] });
  });
  it('only marks a confident reading (a real name may differ from the common part)', () => {
    const s = st('宜昌市第一大民医院', 0.96);
    repairHospital(s);
    expect(s.hospital).toMatchObject({ value: '宜昌市第一大民医院', conf: 0.8 });
  });
  it('never touches PDF text or a name that needs no repair', () => {
    const pdf: FieldStates = { hospital: { value: '宜昌市第一大民医院', conf: 0.9, source: 'pdf', boxes: [] } };
    repairHospital(pdf);
    expect(pdf.hospital).toMatchObject({ value: '宜昌市第一大民医院', conf: 0.9 });
    const ok = st('宜昌市第一人民医院', 0.95);
    repairHospital(ok);
    expect(ok.hospital!.conf).toBe(0.95);
  });
});

describe('payer names with a character the recogniser confuses', () => {
  it('are marked for checking even when read confidently by several passes', () => {
    const s: FieldStates = { payerName: { value: '罗宇航', conf: 0.97, source: 'ocr', boxes: [] } };
    markConfusablePayer(s);
    expect(s.payerName!.conf).toBe(0.8);
    expect(hasConfusableChar('江凤')).toBe(true);
    // 枫 read 机 (木 with 风 / 几), with full confidence on a clean render
    expect(hasConfusableChar('王建机')).toBe(true);
    expect(hasConfusableChar('潘志枫')).toBe(true);
  });
  it('others keep their confidence, and PDF text is trusted', () => {
    const s: FieldStates = { payerName: { value: '罗明航', conf: 0.97, source: 'ocr', boxes: [] } };
    markConfusablePayer(s);
    expect(s.payerName!.conf).toBe(0.97);
    const p: FieldStates = { payerName: { value: '罗宇航', conf: 0.97, source: 'pdf', boxes: [] } };
    markConfusablePayer(p);
    expect(p.payerName!.conf).toBe(0.97);
  });
});

describe('a damaged place at the start of a hospital name', () => {
  it('is repaired to the one place of the invoice\'s province one character away', () => {
    expect(repairHospitalName('广型市第一人民医院', '44')).toEqual({ name: '广州市第一人民医院', repaired: true });
    expect(repairHospitalName('黄厨市人民医院', '34')).toEqual({ name: '黄山市人民医院', repaired: true });
    expect(repairHospitalName('四半大学华西医院', '51')).toEqual({ name: '四川大学华西医院', repaired: true });
  });
  it('not without the province, nor when the reading is a place itself, nor when nothing place-like follows', () => {
    expect(repairHospitalName('广型市第一人民医院').repaired).toBe(false);
    expect(repairHospitalName('广元市中心医院', '44').repaired).toBe(false);
    expect(repairHospitalName('广型医院', '44').repaired).toBe(false);
    // (a province is not followed by 市)
    expect(repairHospitalName('四半市人民医院', '51').repaired).toBe(false);
  });
  it('a confident name is left alone (a county-level city may be one character from a listed one)', () => {
    const s: FieldStates = { hospital: { value: '台山市人民医院', conf: 0.95, source: 'ocr', boxes: [] }, invoiceCode: { value: '44060123', conf: 1, source: 'ocr', boxes: [] } };
    repairHospital(s);
    expect(s.hospital).toMatchObject({ value: '台山市人民医院', conf: 0.95 });
    const weak: FieldStates = { hospital: { value: '广猎市第一人民医院', conf: 0.4, source: 'ocr', boxes: [] }, invoiceCode: { value: '44060123', conf: 1, source: 'ocr', boxes: [] } };
    repairHospital(weak);
    expect(weak.hospital).toMatchObject({ value: '广州市第一人民医院', conf: 0.4 });
  });
});

describe('the name on a seal ring', () => {
  it('a dash read between two ideographs is the one-stroke 一 of the seal font', () => {
    expect(nameOnRing('某某 市 第 ~- 人民 医院', 0.8)?.name).toBe('某某市第一人民医院');
    expect(nameOnRing('某某市第-人民医院', 0.8)?.name).toBe('某某市第一人民医院');
  });
  it('dashes elsewhere are left alone', () => {
    expect(nameOnRing('-某某市人民医院', 0.8)?.name).toBe('某某市人民医院');
  });
});
