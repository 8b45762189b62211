/**
 * Drivers keyed by (widget kind, library): a family's own driver when there is one (issue 15: layui, Ant
 * Design Vue, View UI — each reads back both what a person sees and what the page keeps), else the
 * kind-only driver (Element UI / Plus, native and anything unknown).
 */
import type { CollectedField, DriverEnv, DriverResult, FillValue, WidgetKind } from '../types';
import type { Driver } from './types';
import { elInputDriver } from './el-input';
import { nativeSelectDriver } from './native-select';
import { radioDriver } from './radio';
import { elSelectDriver } from './el-select';
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

const DRIVERS: Partial<Record<WidgetKind, Driver>> = {
  text: elInputDriver,
  'native-select': nativeSelectDriver,
  'radio-group': radioDriver,
  'custom-select': elSelectDriver,
  date: dateDriver,
  daterange: daterangeDriver,
  cascader: cascaderDriver,
  // checkbox / switch: only ever planned for 办理方式 asked as a yes/no question (consent is the user's)
  checkbox: switchDriver,
};

/** Family drivers, by library then kind. Libraries as `CollectedField.library` / `recogniseWidget` name them. */
const FAMILY_DRIVERS: Record<string, Partial<Record<WidgetKind, Driver>>> = {
  layui: { 'custom-select': layuiSelectDriver, 'radio-group': layuiRadioDriver, checkbox: layuiCheckboxDriver, date: laydateDriver },
  ant: { 'custom-select': antSelectDriver, 'radio-group': antRadioDriver, date: antDateDriver, cascader: antCascaderDriver },
  iview: { 'custom-select': iviewSelectDriver, 'radio-group': iviewRadioDriver, date: iviewDateDriver, cascader: iviewCascaderDriver },
};

/**
 * For a caller that asks by kind only (today's fill.ts): the kind's driver, which still hands a field of a
 * family with its own driver (`field.library`, set by collect) to that family's driver at fill time.
 */
const ROUTED: Partial<Record<WidgetKind, Driver>> = Object.fromEntries(
  (Object.entries(DRIVERS) as Array<[WidgetKind, Driver]>).map(([kind, plain]) => {
    if (!Object.values(FAMILY_DRIVERS).some((f) => f[kind])) return [kind, plain];
    const routed: Driver = {
      kinds: plain.kinds,
      fill: (field, value, env) => (FAMILY_DRIVERS[field.library]?.[kind] ?? plain).fill(field, value, env),
    };
    return [kind, routed];
  }),
);

/**
 * The driver for a widget kind of a library: the family's own driver, else the kind's plain driver. Without
 * a library, a driver that routes each field by its `library` at fill time (same result, one lookup later).
 */
export function driverFor(kind: WidgetKind, library?: string): Driver | null {
  if (library === undefined) return ROUTED[kind] ?? null;
  return FAMILY_DRIVERS[library]?.[kind] ?? DRIVERS[kind] ?? null;
}

/** Libraries with drivers of their own, and which kinds (for the README and the bench). */
export function familyKinds(): Record<string, WidgetKind[]> {
  return Object.fromEntries(Object.entries(FAMILY_DRIVERS).map(([lib, d]) => [lib, Object.keys(d) as WidgetKind[]]));
}

/**
 * Fill one widget found by what the page shows (`recogniseWidget`), with its family's driver. For the page
 * model, tests and the bench; the engine (fill.ts) goes through `driverFor(kind, library)` with collected fields.
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
export type { Views } from './both-views';
