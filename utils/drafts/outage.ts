/**
 * The portal's own words for "you cannot go on now": the insurance systems stop for maintenance (the
 * Dongguan notice in /work/shared/seeds: 暂停服务 … for days) or the login expired (登录超时 / 会话已过期 …).
 * Knowledge as data: a new portal wording is a new entry. Where a page says it counts too — the title, a
 * heading, a message box or alert, or a page with little else on it — so a news link 「系统维护公告」 in a
 * long page is not mistaken for an outage.
 */
import { isVisible } from '@/utils/page/dom';

export type Outage = 'maintenance' | 'session';

export const OUTAGE_WORDS: Readonly<Record<Outage, readonly string[]>> = {
  maintenance: ['系统维护', '系统升级', '升级维护', '维护中', '停机维护', '维护期间', '暂停服务', '停止服务', '服务暂停', '暂停受理', '暂停办理', '暂停网上申请', '系统切换', '切换上线', '暂停使用'],
  session: ['登录超时', '登录已超时', '登录过期', '登录已过期', '登录失效', '登录已失效', '登录状态已失效', '会话超时', '会话已过期', '会话已失效', '会话过期', '请重新登录', '身份认证已过期', '认证已过期', '令牌已过期', '令牌失效'],
};

/** Where a page announces it (the portal's error pages, Element / Bootstrap / layui / Ant / iView message boxes). */
export const OUTAGE_PLACES =
  'h1, h2, h3, [role="dialog"], [role="alertdialog"], [role="alert"], .el-message-box, .el-dialog, .el-alert, .el-message, .alert, .modal-dialog, .layui-layer, .ant-modal, .ant-message, .ant-result, .ivu-modal, .ivu-message, .el-result';

/** A page with no more text than this says what it says (an error page). */
const SHORT_PAGE = 600;

const compact = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** Which outage a text names (session first: 「登录超时，系统维护中…」 asks for a login). */
export function outageIn(text: string): Outage | null {
  const c = compact(text);
  if (!c) return null;
  for (const kind of ['session', 'maintenance'] as const) if (OUTAGE_WORDS[kind].some((w) => c.includes(w))) return kind;
  return null;
}

/** Does the page show an outage now? `ignore`: the helper's own nodes. */
export function outageShown(doc: Document, ignore: (el: Element) => boolean = () => false): Outage | null {
  const title = outageIn(doc.title);
  if (title) return title;
  for (const el of Array.from(doc.querySelectorAll(OUTAGE_PLACES))) {
    if (ignore(el) || !isVisible(el)) continue;
    const hit = outageIn((el as HTMLElement).innerText ?? el.textContent ?? '');
    if (hit) return hit;
  }
  const body = doc.body;
  if (!body) return null;
  const text = Array.from(body.children)
    .filter((el) => !ignore(el) && el.tagName !== 'SCRIPT' && el.tagName !== 'STYLE')
    .map((el) => (el as HTMLElement).innerText ?? '')
    .join('\n');
  return compact(text).length <= SHORT_PAGE ? outageIn(text) : null;
}
