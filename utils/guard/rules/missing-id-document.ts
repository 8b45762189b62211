import { ageOn, claimantIsMinor } from '../claimant';
import { filesOf, showsUploads } from '../documents';
import { defineRule } from './types';

export default defineRule({
  code: 'missing-id-document',
  severity: 'block-worthy',
  pages: ['application'],
  message: 'guardMissingIdDocument',
  source:
    '身份证为报销发票本人的身份证，如果报销人员为未成年人没有身份证，可在身份证栏上传户口本本人页。如果报销人员过世，没有身份证，请在身份证栏上传死亡证明或者户籍注销证明或者火化证明。',
  when: (state) => {
    if (!showsUploads(state)) return null;
    // Whatever sits in the 身份证 slot counts: a minor's 户口本本人页 and a deceased person's
    // 死亡证明 go there too. Slots of their own (or clearly named files) count for those cases.
    if (filesOf(state.uploads, 'id-card').length > 0) return null;
    if (state.claimant.deceased) {
      return filesOf(state.uploads, 'death-proof').length > 0 ? null : { key: 'guardMissingIdDocumentDeceased' };
    }
    if (claimantIsMinor(state)) {
      if (filesOf(state.uploads, 'household-register').length > 0) return null;
      const age = ageOn(state.claimant.idNumber, state.now);
      return { key: 'guardMissingIdDocumentMinor', params: [age === null ? '' : `（${age} 岁）`] };
    }
    return {};
  },
});
