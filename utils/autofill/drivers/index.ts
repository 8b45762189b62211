/**
 * One driver per widget family, chosen by (kind, library): an entry naming a library wins over the kind's
 * default. Widget detection (utils/page/widgets.ts) decides kind and library from the page's markup.
 * Family drivers (issue 15: layui, Ant Design Vue, View UI) each read back both what a person sees and
 * what the page keeps; Element UI / Plus, native and unknown widgets use the kind's default driver.
 */
import type { CollectedField, DriverEnv, DriverResult, FillValue, WidgetKind } from '../types';
import type { Driver } from './types';
import { nativeTextDriver } from './native';
import { nativeSelectDriver } from './native-select';
import { radioDriver } from './radio';
import { selectDriver } from './select';
import { dateDriver } from './date';
import { daterangeDriver } from './daterange';
import { cascaderDriver } from './cascader';
import { switchDriver } from './switch';
import { layuiSelectDriver, layuiSelectViews } from './layui-select';
import { layuiRadioDriver, layuiRadioViews } from './layui-radio';
import { layuiCheckboxDriver } from './layui-checkbox';
import { laydateDriver } from './laydate';
import { antSelectDriver, antSelectViews } from './ant-select';
import { antDateDriver, antDateViews } from './ant-date';
import { antRadioDriver, iviewRadioDriver } from './family-radio';
import { antCascaderDriver, antCascaderViews, iviewCascaderDriver, iviewCascaderViews } from './family-cascader';
import { iviewSelectDriver, iviewSelectViews } from './iview-select';
import { iviewDateDriver, iviewDateViews } from './iview-date';
import type { Views } from './both-views';
import { recogniseWidget, widgetField, type RecognisedWidget } from '../widget-families';

interface DriverEntry {
  kind: WidgetKind;
  /** Only for widgets of this library (e.g. 'layui'); absent = any library. */
  library?: string;
  driver: Driver;
}

const DRIVERS: readonly DriverEntry[] = [
  // family drivers first (issue 15)
  { kind: 'custom-select', library: 'layui', driver: layuiSelectDriver },
  { kind: 'radio-group', library: 'layui', driver: layuiRadioDriver },
  { kind: 'checkbox', library: 'layui', driver: layuiCheckboxDriver },
  { kind: 'date', library: 'layui', driver: laydateDriver },
  { kind: 'custom-select', library: 'ant', driver: antSelectDriver },
  { kind: 'radio-group', library: 'ant', driver: antRadioDriver },
  { kind: 'date', library: 'ant', driver: antDateDriver },
  { kind: 'cascader', library: 'ant', driver: antCascaderDriver },
  { kind: 'custom-select', library: 'iview', driver: iviewSelectDriver },
  { kind: 'radio-group', library: 'iview', driver: iviewRadioDriver },
  { kind: 'date', library: 'iview', driver: iviewDateDriver },
  { kind: 'cascader', library: 'iview', driver: iviewCascaderDriver },
  // text inputs, incl. el-input / ant-input (a native input inside: Vue's v-model listens to `input`)
  { kind: 'text', driver: nativeTextDriver },
  { kind: 'native-select', driver: nativeSelectDriver },
  { kind: 'radio-group', driver: radioDriver },
  // Element UI / Element Plus selects: the generic component-select driver with each library's data
  { kind: 'custom-select', driver: selectDriver },
  { kind: 'date', driver: dateDriver },
  { kind: 'daterange', driver: daterangeDriver },
  { kind: 'cascader', driver: cascaderDriver },
  // checkbox / switch: only ever planned for 办理方式 asked as a yes/no question (consent is the user's)
  { kind: 'checkbox', driver: switchDriver },
];

export function driverFor(kind: WidgetKind, library?: string): Driver | null {
  return (
    DRIVERS.find((d) => d.kind === kind && d.library !== undefined && d.library === library)?.driver ??
    DRIVERS.find((d) => d.kind === kind && d.library === undefined)?.driver ??
    null
  );
}

/** Libraries with drivers of their own, and which kinds (for the README and the bench). */
export function familyKinds(): Record<string, WidgetKind[]> {
  const out: Record<string, WidgetKind[]> = {};
  for (const d of DRIVERS) if (d.library) (out[d.library] ??= []).push(d.kind);
  return out;
}

/**
 * Fill one widget found by what the page shows (`recogniseWidget`), with its family's driver. For tests and
 * the bench; the engine (fill.ts) goes through `driverFor(kind, library)` with the page model's fields.
 */
export async function fillWidget(el: Element, value: FillValue, env: Partial<DriverEnv> = {}, field: Partial<CollectedField> = {}): Promise<DriverResult & { kind?: WidgetKind; library?: string }> {
  const w = recogniseWidget(el);
  if (!w) return { ok: false, value: '', reason: 'not a widget' };
  const driver = driverFor(w.kind, w.library);
  if (!driver) return { ok: false, value: '', reason: 'unsupported', kind: w.kind, library: w.library };
  const full: DriverEnv = {
    wait: env.wait ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    stats: env.stats ?? { waitMs: 0 },
    timeoutMs: env.timeoutMs ?? 1500,
  };
  const res = await driver.fill(widgetField(w, field), value, full);
  return { ...res, kind: w.kind, library: w.library };
}

/** How each family's widget is read twice (seen by a person / kept by the page); see both-views.ts. */
const VIEWS: Record<string, Partial<Record<WidgetKind, (w: RecognisedWidget) => Views>>> = {
  layui: {
    'custom-select': (w) => layuiSelectViews(w.root),
    'radio-group': (w) => layuiRadioViews(w.controls as HTMLInputElement[]),
    date: (w) => ({ seen: (w.controls[0]?.value ?? '').trim(), kept: (w.controls[0]?.value ?? '').trim() }),
  },
  ant: {
    'custom-select': (w) => antSelectViews(w.root),
    'radio-group': (w) => antRadioDriver.views(w.controls as HTMLInputElement[]),
    date: (w) => antDateViews(w.root),
    cascader: (w) => antCascaderViews(w.root),
  },
  iview: {
    'custom-select': (w) => iviewSelectViews(w.root),
    'radio-group': (w) => iviewRadioDriver.views(w.controls as HTMLInputElement[]),
    date: (w) => iviewDateViews(w.root),
    cascader: (w) => iviewCascaderViews(w.root),
  },
};

/** What a family widget shows a person and what it keeps for the page, or null for other widgets. */
export function widgetViews(el: Element): (Views & { kind: WidgetKind; library: string }) | null {
  const w = recogniseWidget(el);
  const read = w ? VIEWS[w.library]?.[w.kind] : undefined;
  return w && read ? { ...read(w), kind: w.kind, library: w.library } : null;
}
export type { Driver } from './types';
