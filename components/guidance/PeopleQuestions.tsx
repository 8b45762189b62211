import { t } from '@/utils/i18n';
import type { Situation } from '@/utils/checklist';

interface Props {
  value: Situation;
  onChange: (s: Situation) => void;
  idPrefix?: string;
}

const FLAGS: Array<{ key: keyof Omit<Situation, 'invoiceCount'>; label: string }> = [
  { key: 'delegated', label: 'checkAskDelegated' },
  { key: 'minor', label: 'checkAskMinor' },
  { key: 'deceased', label: 'checkAskDeceased' },
  { key: 'inpatient', label: 'checkAskInpatient' },
];

/** Who files for whom and what kind of care: four large checkboxes that decide the checklist. */
export function PeopleQuestions({ value, onChange, idPrefix = 'people' }: Props) {
  return (
    <fieldset class="people-questions" data-testid="checklist-people">
      <legend>{t('checkPeopleTitle')}</legend>
      {FLAGS.map(({ key, label }) => (
        <label key={key} class="check" for={`${idPrefix}-${key}`}>
          <input
            type="checkbox"
            id={`${idPrefix}-${key}`}
            data-testid={`checklist-ask-${key}`}
            checked={!!value[key]}
            onChange={(e) => onChange({ ...value, [key]: e.currentTarget.checked })}
          />
          {t(label)}
        </label>
      ))}
    </fieldset>
  );
}
