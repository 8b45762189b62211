/**
 * The invoice layouts of the generator: what each prints and how it is drawn. Twelve benchmark layouts from
 * eleven provinces (and three development layouts, below) — fiscal e-invoices with different titles, orders,
 * grids and seals, and bordered provincial paper forms — written from the domain description (INVOICES.md),
 * each with its own draws of wording, fonts and positions per seed.
 *
 * `heldOut` layouts are the benchmark's held-out set: the parser was never run on them while it was being
 * written; the benchmark reports them apart.
 *
 * `devOnly` layouts are material to generalise against during parser work: never in the benchmark's set nor in
 * the generator's default run (`TEMPLATES` leaves them out); `generate.ts --layouts ha-outpatient,…` makes them.
 */
import type { Rng } from '../rng';
import type { VisitType } from '../../../utils/invoice/types';
import type { RenderInput } from './common';
import { anhui } from './ah';
import { beijing } from './bj';
import { chongqing } from './cq';
import { fujian } from './fj';
import { guangdong } from './gd';
import { henan } from './ha';
import { hubei } from './hb';
import { heilongjiang } from './hl';
import { hunan } from './hn';
import { jiangsu } from './js';
import { shandong } from './sd';
import { shanghai } from './sh';
import { sichuan } from './sc';
import { zhejiang } from './zj';

export type TemplateId =
  | 'sh-outpatient' | 'sh-inpatient' | 'zj-outpatient' | 'js-outpatient'
  | 'ah-outpatient' | 'gd-outpatient' | 'bj-inpatient' | 'sc-outpatient' | 'hb-inpatient'
  | 'sd-outpatient' | 'hn-outpatient' | 'fj-inpatient'
  | 'ha-outpatient' | 'cq-inpatient' | 'hl-outpatient';

export interface LayoutSpec {
  province: string;
  provinceName: string;
  /** First two digits of 票据代码 (the province's administrative code). */
  codePrefix: string;
  visit: 'outpatient' | 'inpatient';
  /** Share of 急诊 / 急诊留观 among outpatient invoices (new layouts; the first four keep their old draws). */
  emergencyRate: number;
  checkCode: boolean;
  /** Share of invoices carrying the national QR code. */
  qrRate: number;
  kind: 'e-invoice' | 'paper';
  /** One of the first four layouts (their random draws are kept stable for the e2e tests). */
  legacy: boolean;
  heldOut: boolean;
  /** A development layout: left out of the benchmark and of the generator's default set. */
  devOnly?: true;
  title(rng: Rng, visit: VisitType): string;
  render(input: RenderInput): string;
}

const fixed = (t: string) => () => t;

export const SPECS: Record<TemplateId, LayoutSpec> = {
  'sh-outpatient': { province: 'sh', provinceName: '上海市', codePrefix: '31', visit: 'outpatient', emergencyRate: 0, checkCode: true, qrRate: 0.5, kind: 'e-invoice', legacy: true, heldOut: false, title: fixed('上海市医疗门诊收费票据（电子）'), render: shanghai },
  'sh-inpatient': { province: 'sh', provinceName: '上海市', codePrefix: '31', visit: 'inpatient', emergencyRate: 0, checkCode: true, qrRate: 0.5, kind: 'e-invoice', legacy: true, heldOut: false, title: fixed('上海市医疗住院收费票据（电子）'), render: shanghai },
  'zj-outpatient': { province: 'zj', provinceName: '浙江省', codePrefix: '33', visit: 'outpatient', emergencyRate: 0.35, checkCode: true, qrRate: 0.5, kind: 'e-invoice', legacy: true, heldOut: false, title: fixed('浙江省医疗门诊收费票据（电子）'), render: zhejiang },
  'js-outpatient': { province: 'js', provinceName: '江苏省', codePrefix: '32', visit: 'outpatient', emergencyRate: 0.25, checkCode: false, qrRate: 0, kind: 'paper', legacy: true, heldOut: false, title: fixed('江苏省医疗收费票据'), render: jiangsu },
  'ah-outpatient': {
    province: 'ah', provinceName: '安徽省', codePrefix: '34', visit: 'outpatient', emergencyRate: 0.5, checkCode: false, qrRate: 0, kind: 'paper', legacy: false, heldOut: false,
    title: (r) => r.pick(['安徽省医疗门诊收费票据', '安徽省医疗机构门诊收费票据', '安徽省医疗门急诊收费票据']), render: anhui,
  },
  'gd-outpatient': {
    province: 'gd', provinceName: '广东省', codePrefix: '44', visit: 'outpatient', emergencyRate: 0.3, checkCode: true, qrRate: 0.6, kind: 'e-invoice', legacy: false, heldOut: false,
    title: (r) => r.pick(['广东省医疗收费电子票据', '广东省医疗门诊收费票据（电子）']), render: guangdong,
  },
  'bj-inpatient': {
    province: 'bj', provinceName: '北京市', codePrefix: '11', visit: 'inpatient', emergencyRate: 0, checkCode: true, qrRate: 0.5, kind: 'e-invoice', legacy: false, heldOut: false,
    title: (r) => r.pick(['北京市医疗住院收费票据（电子）', '北京市医疗收费电子票据（住院）']), render: beijing,
  },
  'sc-outpatient': {
    province: 'sc', provinceName: '四川省', codePrefix: '51', visit: 'outpatient', emergencyRate: 0.7, checkCode: true, qrRate: 0.4, kind: 'e-invoice', legacy: false, heldOut: false,
    title: (r) => r.pick(['四川省医疗门急诊收费票据（电子）', '四川省医疗收费电子票据']), render: sichuan,
  },
  'hb-inpatient': {
    province: 'hb', provinceName: '湖北省', codePrefix: '42', visit: 'inpatient', emergencyRate: 0, checkCode: false, qrRate: 0, kind: 'paper', legacy: false, heldOut: false,
    title: (r) => r.pick(['湖北省医疗住院收费票据', '湖北省医疗机构住院收费票据']), render: hubei,
  },
  'sd-outpatient': {
    province: 'sd', provinceName: '山东省', codePrefix: '37', visit: 'outpatient', emergencyRate: 0.3, checkCode: true, qrRate: 0.5, kind: 'e-invoice', legacy: false, heldOut: true,
    title: (r) => r.pick(['山东省医疗门诊收费票据（电子）', '山东省医疗收费电子票据（门诊）']), render: shandong,
  },
  'hn-outpatient': {
    province: 'hn', provinceName: '湖南省', codePrefix: '43', visit: 'outpatient', emergencyRate: 0.6, checkCode: false, qrRate: 0, kind: 'paper', legacy: false, heldOut: true,
    title: (r) => r.pick(['湖南省医疗门急诊收费票据', '湖南省医疗收费票据（门急诊）']), render: hunan,
  },
  'fj-inpatient': {
    province: 'fj', provinceName: '福建省', codePrefix: '35', visit: 'inpatient', emergencyRate: 0, checkCode: true, qrRate: 0.5, kind: 'e-invoice', legacy: false, heldOut: true,
    title: (r) => r.pick(['福建省医疗住院收费票据（电子）', '福建省医疗收费电子票据']), render: fujian,
  },
  'ha-outpatient': {
    province: 'ha', provinceName: '河南省', codePrefix: '41', visit: 'outpatient', emergencyRate: 0.4, checkCode: false, qrRate: 0, kind: 'paper', legacy: false, heldOut: false, devOnly: true,
    title: (r) => r.pick(['河南省医疗门急诊收费票据', '河南省医疗机构门诊收费票据', '河南省医疗收费票据']), render: henan,
  },
  'cq-inpatient': {
    province: 'cq', provinceName: '重庆市', codePrefix: '50', visit: 'inpatient', emergencyRate: 0, checkCode: true, qrRate: 0.5, kind: 'e-invoice', legacy: false, heldOut: false, devOnly: true,
    title: (r) => r.pick(['重庆市医疗住院收费票据（电子）', '重庆市医疗收费电子票据']), render: chongqing,
  },
  'hl-outpatient': {
    province: 'hl', provinceName: '黑龙江省', codePrefix: '23', visit: 'outpatient', emergencyRate: 0.5, checkCode: true, qrRate: 0.3, kind: 'e-invoice', legacy: false, heldOut: false, devOnly: true,
    title: (r) => r.pick(['黑龙江省医疗门急诊收费票据（电子）', '黑龙江省医疗收费电子票据', '黑龙江省医疗门诊收费票据（电子）']), render: heilongjiang,
  },
};

/** Every layout, development ones included. */
export const ALL_LAYOUTS = Object.keys(SPECS) as TemplateId[];
/** The benchmark's layouts (and the generator's default set): development layouts left out. */
export const TEMPLATES: readonly TemplateId[] = ALL_LAYOUTS.filter((t) => !SPECS[t].devOnly);
export const HELD_OUT: readonly TemplateId[] = TEMPLATES.filter((t) => SPECS[t].heldOut);
/** Development layouts (`devOnly`): generated only when asked for by name. */
export const DEV_LAYOUTS: readonly TemplateId[] = ALL_LAYOUTS.filter((t) => SPECS[t].devOnly);
