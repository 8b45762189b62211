/**
 * Yes/no switches and single checkboxes — used ONLY for 办理方式 asked as a question ("是否委托他人代办":
 * el-switch / a checkbox). Consent boxes ("我已阅读并同意") are never ticked: plan.ts gives checkboxes no
 * other meaning.
 */
import { microtask } from '@/utils/page/dom';
import { userClick } from './events';
import { fail, type Driver } from './types';

export const switchDriver: Driver = {
  async fill(field, value) {
    const box = field.inputs[0] as HTMLInputElement | undefined;
    if (!box || value.type !== 'choice') return fail('', 'not a yes/no question');
    const want = value.candidates[0] === '是';
    const read = () => (box.checked ? '是' : '否');
    if (box.checked === want) return { ok: true, value: read() };
    // a user clicks the visible switch / label, not the hidden input
    const target = (box.closest('.el-switch, .ant-switch, .ivu-switch, label') as HTMLElement | null) ?? box;
    userClick(target, ['mousedown', 'mouseup', 'click']);
    await microtask();
    if (box.checked !== want) {
      userClick(box, ['click']);
      await microtask();
    }
    return box.checked === want ? { ok: true, value: read() } : fail(read(), 'the page did not take the choice');
  },
};
