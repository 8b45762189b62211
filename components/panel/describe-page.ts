import { t } from '@/utils/i18n';
import type { PageInfo } from '@/utils/detect/page';

export const STEP_KEYS = { basic: 'panelStepBasic', invoice: 'panelStepInvoice', materials: 'panelStepMaterials', unknown: 'panelStepUnknown' } as const;

/** "这是「办理医疗费零星报销(职保人员)」的申请页面，当前步骤：基本信息。" — the panel's and the popup's first line. */
export function describePage(page: PageInfo): string {
  const item = page.item ? t(page.item === 'employee' ? 'panelItemEmployee' : 'panelItemResident') : t('panelItemUnknown');
  if (page.kind === 'guide') return t('panelOnGuide', item);
  if (page.kind === 'logistics') return t('panelOnLogistics', item);
  return t('panelOnApplication', item, t(STEP_KEYS[page.step]));
}
