import { filesOf, showsUploads } from '../documents';
import { defineRule } from './types';

export default defineRule({
  code: 'missing-bank-card',
  severity: 'block-worthy',
  pages: ['application'],
  message: 'guardMissingBankCard',
  source: '银行卡是报销发票本人的银行卡',
  when: (state) => (showsUploads(state) && filesOf(state.uploads, 'bank-card').length === 0 ? {} : null),
});
