// The portal's "you cannot go on now" pages and messages (issue 10): the words are data (utils/drafts/outage.ts)
// and count where a page says them — its title, a heading, a message box or alert, or a page with little else
// on it — not in a link of a long page. Markups of several libraries, none of them the replica's own files.
import { beforeEach, describe, expect, it } from 'vitest';
import { OUTAGE_WORDS, outageIn, outageShown } from '@/utils/drafts/outage';

beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '';
});

const LONG_PAGE = Array.from({ length: 40 }, (_, i) => `<p>第${i + 1}条：办理医疗费零星报销需要准备发票原件、费用明细清单、身份证和银行卡。</p>`).join('');

describe('outage words', () => {
  it('knows maintenance and an expired login in the portals’ own words (session first)', () => {
    expect(outageIn('系统升级维护中，请稍后再试')).toBe('maintenance');
    expect(outageIn('暂停服务时间：5月6日22时起')).toBe('maintenance');
    expect(outageIn('国家医疗保障信息平台 切换上线期间')).toBe('maintenance');
    expect(outageIn('登录已超时，请重新登录')).toBe('session');
    expect(outageIn('会话已过期')).toBe('session');
    expect(outageIn('您的登录状态已失效')).toBe('session');
    expect(outageIn('登录超时，系统维护中')).toBe('session');
    expect(outageIn('恢复服务时间：5月10日8时')).toBeNull();
    expect(outageIn('办理医疗费零星报销(职保人员)')).toBeNull();
    for (const words of Object.values(OUTAGE_WORDS)) for (const w of words) expect(outageIn(`……${w}……`), w).not.toBeNull();
  });
});

describe('where a page says it', () => {
  it('an error page (Bootstrap alert, a portal heading)', () => {
    document.body.innerHTML = `<div class="container"><div class="alert alert-danger"><strong>提示：</strong>登录超时，请重新登录后再办理</div><a href="/">返回首页</a></div>`;
    expect(outageShown(document)).toBe('session');
    document.body.innerHTML = `<header>上海市一网通办</header><div class="nf"><h1>系统升级维护中</h1><p>维护期间暂停网上申请服务。</p></div>${LONG_PAGE}`;
    expect(outageShown(document)).toBe('maintenance');
  });

  it('a message box over the form (Element, layui, Ant), and the page title', () => {
    document.body.innerHTML = `${LONG_PAGE}<div class="el-message-box__wrapper"><div class="el-message-box"><div class="el-message-box__header"><span>提示</span></div><div class="el-message-box__content"><p>登录已超时，请重新登录</p></div></div></div>`;
    expect(outageShown(document)).toBe('session');
    document.body.innerHTML = `${LONG_PAGE}<div class="layui-layer layui-layer-dialog"><div class="layui-layer-content">会话已过期，请重新登录</div></div>`;
    expect(outageShown(document)).toBe('session');
    document.body.innerHTML = `${LONG_PAGE}<div class="ant-modal"><div class="ant-modal-body">系统维护中，暂停受理</div></div>`;
    expect(outageShown(document)).toBe('maintenance');
    document.body.innerHTML = LONG_PAGE;
    document.title = '系统维护公告 - 上海市一网通办';
    expect(outageShown(document)).toBe('maintenance');
  });

  it('not a hidden message box, not a link in a long page, not the helper’s own notice', () => {
    document.body.innerHTML = `${LONG_PAGE}<div class="el-message-box" style="display:none">登录已超时，请重新登录</div>`;
    expect(outageShown(document)).toBeNull();
    document.body.innerHTML = `${LONG_PAGE}<ul class="news"><li><a href="#">系统维护公告</a></li><li><a href="#">暂停服务的通知</a></li></ul>`;
    expect(outageShown(document)).toBeNull();
    document.body.innerHTML = `<zwdt-helper-notice><h2>登录已经超时</h2></zwdt-helper-notice>${LONG_PAGE}`;
    expect(outageShown(document, (el) => el.tagName.toLowerCase() === 'zwdt-helper-notice')).toBeNull();
  });

  it('a short page says what it says', () => {
    document.body.innerHTML = `<div><span>暂停服务</span><span>请于5月10日后再来办理</span></div>`;
    expect(outageShown(document)).toBe('maintenance');
  });
});
