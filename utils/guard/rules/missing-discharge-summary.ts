import { filesOf, showsUploads } from '../documents';
import { invoiceLabel, isInpatient } from '../invoices';
import { defineRule } from './types';

export default defineRule({
  code: 'missing-discharge-summary',
  severity: 'block-worthy',
  pages: ['application'],
  message: 'guardMissingDischargeSummary',
  source: '如果报销住院发票，必须上传出院小结。',
  when: (state) => {
    if (!showsUploads(state)) return null;
    const inpatient = state.invoices.map((inv, i) => ({ inv, i })).filter(({ inv }) => isInpatient(inv));
    if (inpatient.length === 0 || filesOf(state.uploads, 'discharge-summary').length > 0) return null;
    const which = inpatient.map(({ inv, i }) => {
      const l = invoiceLabel(inv, i);
      return l.number === '—' ? `第 ${l.ordinal} 张` : `第 ${l.ordinal} 张 ${l.number}`;
    });
    return { params: [which.join('、')] };
  },
});
