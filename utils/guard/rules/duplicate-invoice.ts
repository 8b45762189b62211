import { normalizeNumber } from '../invoices';
import { defineRule } from './types';

export default defineRule({
  code: 'duplicate-invoice',
  severity: 'warning',
  pages: ['application'],
  message: 'guardDuplicateInvoice',
  source: '在“发票信息”页填写相关信息。点击新增，填写发票信息。（同一张发票只能报销一次）',
  when: (state) => {
    const seen = new Set<string>();
    for (const inv of state.invoices) {
      const n = normalizeNumber(inv.number);
      if (!n) continue;
      if (seen.has(n)) return { params: [n] };
      seen.add(n);
    }
    const earlier = new Set(state.history.map(normalizeNumber));
    const filed = [...seen].find((n) => earlier.has(n));
    return filed ? { key: 'guardDuplicateInvoiceHistory', params: [filed] } : null;
  },
});
