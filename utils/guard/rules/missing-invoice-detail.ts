import { filesOf, hasSlot, showsUploads } from '../documents';
import { defineRule } from './types';

export default defineRule({
  code: 'missing-invoice-detail',
  severity: 'warning',
  pages: ['application'],
  message: 'guardMissingInvoiceDetail',
  source: '工作人员在核查信息时发现，缺失发票明细，现场“容缺受理”后，提醒他补齐材料再来办理。',
  // Only where the form has a slot for the itemised list (发票明细 / 费用清单).
  when: (state) => {
    if (!showsUploads(state) || !hasSlot(state.uploads, 'invoice-detail')) return null;
    const details = filesOf(state.uploads, 'invoice-detail').length;
    if (details === 0) return {};
    const invoices = state.invoices.length;
    if (invoices > details) return { key: 'guardMissingInvoiceDetailCount', params: [invoices, details] };
    return null;
  },
});
