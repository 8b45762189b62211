import { insuranceKind, insuranceShown, invoiceLabel } from '../invoices';
import { defineRule } from './types';

const ITEM_NAME = { employee: '职保人员', resident: '居保人员' } as const;

export default defineRule({
  code: 'insurance-type-mismatch',
  severity: 'block-worthy',
  pages: ['application'],
  message: 'guardInsuranceTypeMismatch',
  source: '根据报销发票上报销人的人员类型点击办理医疗费零星报销(居保人员)/办理医疗费零星报销(职保人员)进行报销网办。',
  when: (state) => {
    if (!state.item) return null;
    const i = state.invoices.findIndex((inv) => {
      const kind = insuranceKind(inv.insuranceType);
      return kind !== null && kind !== state.item;
    });
    if (i < 0) return null;
    const inv = state.invoices[i]!;
    const l = invoiceLabel(inv, i);
    const right = insuranceKind(inv.insuranceType)!;
    return { params: [l.ordinal, l.number, insuranceShown(inv.insuranceType), ITEM_NAME[state.item], ITEM_NAME[right]] };
  },
});
