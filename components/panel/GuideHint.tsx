import { t } from '@/utils/i18n';
import type { ItemKind } from '@/utils/detect/items';

const MATERIALS = ['panelMatBankCard', 'panelMatInsuranceCard', 'panelMatIdCard', 'panelMatAgentId', 'panelMatDischarge', 'panelMatInvoices'];

/**
 * On a 办事指南 page: what the helper will do, and what to prepare before 立即办理. Kept short (the
 * list folds open) so the panel never covers the page's own 立即办理 button.
 */
export function GuideHint({ item }: { item: ItemKind }) {
  return (
    <section data-testid="guide-hint" data-item={item} aria-label={t(item === 'employee' ? 'panelGuideEmployee' : 'panelGuideResident')}>
      <p>{t('panelGuideWhat')}</p>
      <details>
        <summary>{t('panelGuidePrepare', MATERIALS.length)}</summary>
        <ul class="checklist">
          {MATERIALS.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </details>
      <p class="note">{t('panelGuideAddress')}</p>
    </section>
  );
}
