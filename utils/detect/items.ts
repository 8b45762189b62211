/**
 * The two 一网通办 items this helper serves, as data. The person type on the invoice decides
 * which one applies: 职保 (employee insurance) or 居保 (resident insurance).
 */
import type { ItemKind } from '@/utils/schemas';

export type { ItemKind };

export interface ItemInfo {
  kind: ItemKind;
  id: string;
  title: string;
  /** Text that names the item on any page (title, heading, breadcrumb). */
  markers: string[];
}

export const ITEMS: readonly ItemInfo[] = [
  {
    kind: 'employee',
    id: 'c85a49fb-2dc3-4a53-95e1-25e9b0491bae',
    title: '办理医疗费零星报销(职保人员)',
    markers: ['零星报销(职保人员)', '零星报销（职保人员）', '零星报销(职保)', '零星报销（职保）', '职保人员'],
  },
  {
    kind: 'resident',
    id: '4683b2e6-c7bc-4962-995c-54c7dfd6a62c',
    title: '办理医疗费零星报销(居保人员)',
    markers: ['零星报销(居保人员)', '零星报销（居保人员）', '零星报销(居保)', '零星报销（居保）', '居保人员'],
  },
];

/** Words that say the page is about this procedure at all. */
export const PROCEDURE_MARKERS = ['医疗费零星报销', '零星报销'];
/** The application's step names, in order. */
export const STEP_NAMES = { basic: '基本信息', invoice: '发票信息', materials: '材料上传' } as const;
export const LOGISTICS_MARKERS = ['物流申请', '取件地址', '寄件地址', '快递公司', 'EMS'];
