import { filesOf, showsUploads } from '../documents';
import { defineRule } from './types';

export default defineRule({
  code: 'missing-insurance-card',
  severity: 'block-worthy',
  pages: ['application'],
  message: 'guardMissingInsuranceCard',
  source: '社保卡在拥有社保卡的情况下上传报销发票本人的社保卡，没有社保卡可上传医保卡图片',
  // A 社保卡 slot or a 医保卡 slot (documents.ts counts both as the insurance card).
  when: (state) => (showsUploads(state) && filesOf(state.uploads, 'insurance-card').length === 0 ? {} : null),
});
