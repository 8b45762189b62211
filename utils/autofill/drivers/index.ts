/**
 * One driver per widget family, chosen by (kind, library): an entry naming a library wins over the kind's
 * default. Widget detection (utils/page/widgets.ts) decides kind and library from the page's markup.
 */
import type { WidgetKind } from '../types';
import type { Driver } from './types';
import { nativeTextDriver } from './native';
import { nativeSelectDriver } from './native-select';
import { radioDriver } from './radio';
import { selectDriver } from './select';
import { dateDriver } from './date';
import { daterangeDriver } from './daterange';
import { cascaderDriver } from './cascader';
import { switchDriver } from './switch';

interface DriverEntry {
  kind: WidgetKind;
  /** Only for widgets of this library (e.g. 'layui'); absent = any library. */
  library?: string;
  driver: Driver;
}

const DRIVERS: readonly DriverEntry[] = [
  // text inputs, incl. el-input / ant-input (a native input inside: Vue's v-model listens to `input`)
  { kind: 'text', driver: nativeTextDriver },
  { kind: 'native-select', driver: nativeSelectDriver },
  { kind: 'radio-group', driver: radioDriver },
  // Element UI / Element Plus / Ant / iView selects: the generic component-select driver with each library's data
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
export type { Driver } from './types';
