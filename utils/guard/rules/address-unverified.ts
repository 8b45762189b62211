import { ADDRESS_FIELD_NAMES, addressesOf } from '../address';
import { defineRule } from './types';

export default defineRule({
  code: 'address-unverified',
  severity: 'soft',
  pages: ['application', 'logistics'],
  message: 'guardAddressUnverified',
  source: '邮寄地址只能填写上海市松江区内的地址。（地址没有写明区或街道、镇时，无法确认）',
  when: (state) => {
    const all = addressesOf(state);
    if (all.some((a) => a.verdict.verdict === 'outside')) return null; // the stronger finding says it
    const hit = all.find((a) => a.verdict.verdict === 'unknown');
    return hit ? { params: [ADDRESS_FIELD_NAMES[hit.field], hit.verdict.message] } : null;
  },
});
