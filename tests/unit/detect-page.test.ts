import { describe, expect, it } from 'vitest';
import { detectPage, itemFromText, stepFromText } from '@/utils/detect/page';

const EMP = 'c85a49fb-2dc3-4a53-95e1-25e9b0491bae';
const RES = '4683b2e6-c7bc-4962-995c-54c7dfd6a62c';

describe('detectPage', () => {
  it('knows the two guide pages and which item each is', () => {
    expect(detectPage({ url: `https://zwdt.sh.gov.cn/govPortals/bsfw/item/${EMP}`, title: '', text: '' })).toEqual({ kind: 'guide', item: 'employee' });
    expect(detectPage({ url: `https://zwdt.sh.gov.cn/govPortals/bsfw/item/${RES}?x=1`, title: '', text: '' })).toEqual({ kind: 'guide', item: 'resident' });
  });

  it('leaves other items’ guide pages alone', () => {
    expect(detectPage({ url: 'https://zwdt.sh.gov.cn/govPortals/bsfw/item/11111111-2222-3333-4444-555555555555', title: '办理医疗费零星报销', text: '' })).toBeNull();
  });

  it('never runs on other hosts, even with the same content', () => {
    const text = '办理医疗费零星报销(职保人员) 基本信息 发票信息 材料上传';
    expect(detectPage({ url: 'https://www.example.com/apply', title: '', text })).toBeNull();
    expect(detectPage({ url: 'https://zwdtuser.sh.gov.cn/login', title: '', text })).toBeNull();
    expect(detectPage({ url: 'not a url', title: '', text })).toBeNull();
  });

  it('detects the application by content on an unknown URL, with the item from the title', () => {
    const info = detectPage({
      url: 'https://zwdt.sh.gov.cn/some/new/route#/form',
      title: '一网通办',
      text: '办理医疗费零星报销（居保人员）\n1 基本信息 2 发票信息 3 材料上传\n报销人姓名',
      activeStepText: '发票信息',
    });
    expect(info).toEqual({ kind: 'application', item: 'resident', step: 'invoice' });
  });

  it('detects the old server-rendered application host with a port and the item from its code', () => {
    const info = detectPage({
      url: `https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=${EMP}`,
      title: '网上申报',
      text: '基本信息 办理方式 本人办理',
    });
    expect(info).toEqual({ kind: 'application', item: 'employee', step: 'unknown' });
  });

  it('does not call a page about something else an application', () => {
    expect(detectPage({ url: 'https://zwdt.sh.gov.cn/govPortals/index', title: '首页', text: '基本信息 发票信息 个人中心' })).toBeNull();
    expect(detectPage({ url: 'https://zwdt.sh.gov.cn/govPortals/apply/x', title: '', text: '办理医疗费零星报销 办事指南 立即办理' })).toBeNull();
  });

  it('detects the 物流申请 page of our case', () => {
    const info = detectPage({ url: 'https://zwdt.sh.gov.cn/govPortals/my/banjian/detail?id=1', title: '我的办件', text: '办理医疗费零星报销(职保人员) 物流申请 快递公司 EMS 取件地址' });
    expect(info).toEqual({ kind: 'logistics', item: 'employee' });
  });

  it('reads item and step text tolerant of full-width brackets and spaces', () => {
    expect(itemFromText('办理医疗费零星报销 （ 职保人员 ）')).toBe('employee');
    expect(itemFromText('职保人员 居保人员')).toBeNull();
    expect(stepFromText(' 2 发票 信息 ')).toBe('invoice');
    expect(stepFromText(undefined)).toBe('unknown');
  });
});
