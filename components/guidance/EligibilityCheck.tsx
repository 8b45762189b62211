import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { answer, decide, guideUrl, CASE_TEXT, NOT_ONLINE_TEXT, QUESTIONS, type Answers, type Outcome } from '@/utils/eligibility';
import { ITEMS } from '@/utils/detect/items';

interface Props {
  /** Told every time the outcome changes (the checklist follows it). */
  onOutcome?: (outcome: Outcome) => void;
  /** The item whose guide page this is: a link to it says 「就是这一项」. */
  currentItem?: 'employee' | 'resident' | null;
  /** Unique prefix for element ids (several checks may share a page). */
  idPrefix?: string;
}

/**
 * 「能不能在网上报销？」: a few plain questions, one at a time, each a group of large native radio
 * buttons (keyboard: Tab to the group, arrows to choose). Ends with a link to the right item or an
 * honest 「这种情况不能在网上报销」 with what to do instead.
 */
export function EligibilityCheck({ onOutcome, currentItem = null, idPrefix = 'elig' }: Props) {
  const [answers, setAnswers] = useState<Answers>({});
  const walk = decide(answers);

  function choose(question: keyof typeof QUESTIONS, value: string) {
    const next = answer(answers, question, value);
    setAnswers(next);
    onOutcome?.(decide(next).outcome);
  }

  const { outcome } = walk;
  return (
    <section class="eligibility" data-testid="eligibility" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>{t('eligTitle')}</h2>
      {walk.path.map(({ question }, index) => {
        const q = QUESTIONS[question];
        const hintId = `${idPrefix}-${question}-hint`;
        return (
          <fieldset key={question} class="elig-question" data-testid={`elig-q-${question}`} aria-describedby={q.hint ? hintId : undefined}>
            <legend>
              <span class="elig-number">{index + 1}.</span> {t(q.text)}
            </legend>
            {q.hint && (
              <p class="hint" id={hintId}>
                {t(q.hint)}
              </p>
            )}
            {q.options.map((o) => {
              const id = `${idPrefix}-${question}-${o.value}`;
              return (
                <label key={o.value} class="elig-option" for={id}>
                  <input
                    type="radio"
                    id={id}
                    name={`${idPrefix}-${question}`}
                    value={o.value}
                    data-testid={`elig-${question}-${o.value}`}
                    checked={answers[question] === o.value}
                    onChange={() => choose(question, o.value)}
                  />
                  <span>
                    {t(o.label)}
                    {o.hint && <span class="elig-option-hint">{t(o.hint)}</span>}
                  </span>
                </label>
              );
            })}
          </fieldset>
        );
      })}
      <div aria-live="polite">
        {outcome.kind === 'eligible' && (
          <div class="elig-result ok" data-testid="eligibility-result" data-outcome="eligible" data-case={outcome.case} data-item={outcome.item ?? 'unsure'}>
            <p class="elig-verdict">{t('eligYes')}</p>
            <p>{t(CASE_TEXT[outcome.case])}</p>
            {outcome.item === null && <p>{t('eligInsuranceUnsure')}</p>}
            <ul class="elig-links">
              {ITEMS.filter((i) => outcome.item === null || i.kind === outcome.item).map((i) => (
                <li key={i.kind}>
                  <a href={guideUrl(i.kind)} target="_blank" rel="noopener" data-testid={`eligibility-link-${i.kind}`}>
                    {i.title}
                  </a>
                  {currentItem === i.kind && <span class="elig-here"> {t('eligThisPage')}</span>}
                </li>
              ))}
            </ul>
            <p class="hint">{t('eligNextChecklist')}</p>
          </div>
        )}
        {outcome.kind === 'not-online' && (
          <div class="elig-result no" data-testid="eligibility-result" data-outcome="not-online" data-reason={outcome.reason}>
            <p class="elig-verdict">{t('eligNotOnline')}</p>
            <p>{t(NOT_ONLINE_TEXT[outcome.reason].why)}</p>
            <p>
              <strong>{t('eligInsteadTitle')}</strong>
              {t(NOT_ONLINE_TEXT[outcome.reason].instead)}
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
