/**
 * layui 2 checkboxes and switches (`.layui-form-checkbox`, `.layui-form-switch` after a hidden checkbox) —
 * used ONLY for 办理方式 asked as a yes/no question, like switch.ts: consent boxes are never ticked (plan.ts
 * gives checkboxes no other meaning). Click the skin, read back the skin class (seen) and `checked` (kept).
 */
import { LAYUI } from '../libraries';
import { microtask } from '@/utils/page/dom';
import { layuiSkinOf } from '../widget-families';
import { userClick } from './events';
import { hasAnyClass, judge } from './both-views';
import { fail, type Driver } from './types';

export const layuiCheckboxDriver: Driver = {
  async fill(field, value) {
    const box = field.inputs[0] as HTMLInputElement | undefined;
    const skin = box ? layuiSkinOf(box) : null;
    if (!box || !skin) return fail('', 'no layui checkbox skin');
    if (value.type !== 'choice') return fail('', 'not a yes/no question');
    const want = value.candidates[0] === '是';
    const views = () => ({ seen: hasAnyClass(skin, LAYUI.checkbox.checkedClass) ? '是' : '否', kept: box.checked ? '是' : '否' });
    const now = views();
    if (now.seen !== (want ? '是' : '否') || now.kept !== now.seen) {
      userClick(skin, ['mousedown', 'mouseup', 'click']);
      await microtask();
    }
    return judge(views(), want ? '是' : '否', (a, b) => a === b);
  },
};
