import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { useTheme } from '@/components/ui/theme';
import { buildChecklist, situationFrom, situationFromQuery, situationToQuery, type Situation } from '@/utils/checklist';
import type { Outcome } from '@/utils/eligibility';
import { EligibilityCheck } from './EligibilityCheck';
import { PeopleQuestions } from './PeopleQuestions';
import { Checklist } from './Checklist';

/**
 * guidance.html: 「能不能报？要拍哪些照片？」 on a full page, printable on A4 (the print style sheet keeps
 * the checklist with empty boxes). Opened from the popup and the panel with the situation in the URL.
 */
export function GuidancePage() {
  useTheme();
  const [situation, setSituation] = useState<Situation>(() => situationFromQuery(location.search));
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  function onOutcome(o: Outcome) {
    setOutcome(o);
    if (o.kind === 'eligible') setSituation((s) => situationFrom(o, s));
  }
  function onPeople(s: Situation) {
    setSituation(s);
    history.replaceState(null, '', `?${situationToQuery(s)}`);
  }
  const lines = buildChecklist(situation);
  return (
    <main class="guidance-page" data-testid="guidance-page">
      <h1>{t('guidanceTitle')}</h1>
      <p class="hint no-print">{t('guidanceIntro')}</p>
      <div class="guidance-columns">
        <div class="no-print">
          <EligibilityCheck onOutcome={onOutcome} />
        </div>
        <div>
          <div class="no-print">
            <PeopleQuestions value={situation} onChange={onPeople} />
          </div>
          <p class="print-only" data-testid="checklist-situation">
            {t('checkPrintedFor', [situation.delegated ? t('checkAskDelegated') : t('checkSelf'), situation.minor ? t('checkAskMinor') : '', situation.deceased ? t('checkAskDeceased') : '', situation.inpatient ? t('checkAskInpatient') : ''].filter(Boolean).join('；'))}
          </p>
          <Checklist lines={lines} showAll />
          {outcome?.kind === 'not-online' && <p class="warning">{t('checkNotOnlineNote')}</p>}
          <p class="note">{t('checkAddressNote')}</p>
          <button type="button" class="zh-primary no-print" data-testid="checklist-print" onClick={() => window.print()}>
            {t('checkPrint')}
          </button>
        </div>
      </div>
      <footer class="privacy">{t('privacyNote')}</footer>
    </main>
  );
}
