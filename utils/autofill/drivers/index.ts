/** One driver per widget kind. */
import type { WidgetKind } from '../types';
import type { Driver } from './types';
import { elInputDriver } from './el-input';
import { nativeSelectDriver } from './native-select';
import { radioDriver } from './radio';
import { elSelectDriver } from './el-select';
import { dateDriver } from './date';
import { daterangeDriver } from './daterange';
import { cascaderDriver } from './cascader';
import { switchDriver } from './switch';

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

export function driverFor(kind: WidgetKind): Driver | null {
  return DRIVERS[kind] ?? null;
}
export type { Driver } from './types';
