import { sameName } from '../claimant';
import { invoiceLabel } from '../invoices';
import { defineRule } from './types';

export default defineRule({
  code: 'payer-name-mismatch',
  severity: 'warning',
  pages: ['application'],
  message: 'guardPayerNameMismatch',
  source: '报销人姓名是指发票上的姓名，报销人身份证对应的是发票上姓名的身份证号码',
  when: (state) => {
    const name = state.claimant.name?.trim();
    if (!name) return null;
    const i = state.invoices.findIndex((inv) => !!inv.payerName?.trim() && !sameName(inv.payerName, name));
    if (i < 0) return null;
    const inv = state.invoices[i]!;
    return { params: [invoiceLabel(inv, i).ordinal, inv.payerName!.trim(), name] };
  },
});
