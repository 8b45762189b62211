import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import type { ItemKind } from '@/utils/detect/items';
import { buildChecklist, situationFrom, DEFAULT_SITUATION, type Situation } from '@/utils/checklist';
import type { Outcome } from '@/utils/eligibility';
import { EligibilityCheck } from '@/components/guidance/EligibilityCheck';
import { PeopleQuestions } from '@/components/guidance/PeopleQuestions';
import { Checklist } from '@/components/guidance/Checklist';
import { guidanceUrl } from '@/components/popup/guidance-url';

/**
 * On a 办事指南 page: 「能不能在网上报销？」 (a few questions → this item, the other one, or an honest
 * no), then what to photograph for the people involved, printable. The panel is docked beside the page
 * (it pushes the page aside), so it never covers 立即办理.
 */
export function GuideHint({ item }: { item: ItemKind }) {
  const [situation, setSituation] = useState<Situation>(DEFAULT_SITUATION);
  const onOutcome = (o: Outcome) => {
    if (o.kind === 'eligible') setSituation((s) => situationFrom(o, s));
  };
  return (
    <section data-testid="guide-hint" data-item={item} aria-label={t(item === 'employee' ? 'panelGuideEmployee' : 'panelGuideResident')}>
      <p>{t('panelGuideWhat')}</p>
      <EligibilityCheck onOutcome={onOutcome} currentItem={item} idPrefix="guide-elig" />
      <details>
        <summary>{t('panelGuidePrepare', buildChecklist(situation).filter((l) => l.needed).length)}</summary>
        <PeopleQuestions value={situation} onChange={setSituation} idPrefix="guide-people" />
        <Checklist lines={buildChecklist(situation)} showAll headingId="guide-checklist-title" />
        <button type="button" data-testid="guide-print-checklist" onClick={() => void browser.tabs.create({ url: guidanceUrl(situation) })}>
          {t('checkOpenPrintable')}
        </button>
      </details>
      <p class="note">{t('panelGuideAddress')}</p>
    </section>
  );
}
