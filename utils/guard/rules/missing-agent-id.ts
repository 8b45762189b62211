import { filesOf, showsUploads } from '../documents';
import { defineRule } from './types';

export default defineRule({
  code: 'missing-agent-id',
  severity: 'block-worthy',
  pages: ['application'],
  message: 'guardMissingAgentId',
  source: '被委托人身份证为一网通办账户人的身份证，如果选择委托办理，被委托人身份证必须上传。',
  when: (state) =>
    showsUploads(state) && state.mode === 'delegated' && filesOf(state.uploads, 'agent-id').length === 0 ? {} : null,
});
