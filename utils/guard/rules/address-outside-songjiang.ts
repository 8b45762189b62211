import { ADDRESS_FIELD_NAMES, addressesOf } from '../address';
import { defineRule } from './types';

export default defineRule({
  code: 'address-outside-songjiang',
  severity: 'block-worthy',
  pages: ['application', 'logistics'],
  message: 'guardAddressOutside',
  source: '邮寄地址只能填写上海市松江区内的地址。松江区外的网上报销业务尚未开通。请注意，物流地址必须在松江区内。',
  when: (state) => {
    const hit = addressesOf(state).find((a) => a.verdict.verdict === 'outside');
    if (!hit) return null;
    const place = hit.verdict.district ?? hit.verdict.place ?? '';
    return { params: [ADDRESS_FIELD_NAMES[hit.field], hit.verdict.message, place] };
  },
});
