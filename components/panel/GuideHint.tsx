import { t } from '@/utils/i18n';
import type { ItemKind } from '@/utils/detect/items';

/** On a 办事指南 page: what the helper will do, and what to prepare before 立即办理. */
export function GuideHint({ item }: { item: ItemKind }) {
  const materials = ['panelMatBankCard', 'panelMatInsuranceCard', 'panelMatIdCard', 'panelMatAgentId', 'panelMatDischarge', 'panelMatInvoices'];
  return (
    <section data-testid="guide-hint" aria-labelledby="guide-hint-title">
      <h2 id="guide-hint-title">{t(item === 'employee' ? 'panelGuideEmployee' : 'panelGuideResident')}</h2>
      <p>{t('panelGuideWhat')}</p>
      <h3>{t('panelGuidePrepare')}</h3>
      <ul class="checklist">
        {materials.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p class="note">{t('panelGuideAddress')}</p>
    </section>
  );
}
