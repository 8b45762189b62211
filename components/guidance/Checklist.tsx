import { t } from '@/utils/i18n';
import { missingLines, type ChecklistLine } from '@/utils/checklist';

interface Props {
  lines: ChecklistLine[];
  /** Show lines that are not needed in this situation too (with when they would be). */
  showAll?: boolean;
  /** Heading level text (i18n key); defaults to 「要拍哪些照片」. */
  title?: string;
  headingId?: string;
}

/**
 * 「要拍哪些照片」: one line per document; ticked (✓) when the 材料上传 page shows it uploaded, with the
 * number of files. Printable (see the guidance page's print style sheet): empty boxes on paper.
 */
export function Checklist({ lines, showAll = false, title = 'checkTitle', headingId = 'checklist-title' }: Props) {
  const shown = lines.filter((l) => l.needed || showAll);
  const live = lines.some((l) => l.done !== null);
  const missing = missingLines(lines).length;
  return (
    <section class="checklist-box" data-testid="checklist" data-live={live ? 'yes' : 'no'} aria-labelledby={headingId}>
      <h2 id={headingId}>{t(title)}</h2>
      {live && (
        <p class={missing ? 'checklist-status warning' : 'checklist-status ok'} role="status" data-testid="checklist-status">
          {missing ? t('checkMissingCount', missing) : t('checkAllDone')}
        </p>
      )}
      <ul class="checklist">
        {shown.map((l) => {
          const state = !l.needed ? 'optional' : l.done === true ? 'done' : l.done === false ? 'missing' : 'todo';
          return (
            <li key={l.id} class={`checklist-line ${state}`} data-testid="checklist-line" data-id={l.id} data-state={state}>
              <span class="box" aria-hidden="true">
                {state === 'done' ? '✓' : ''}
              </span>
              <span class="line-text">
                <strong>{t(l.label)}</strong>
                <span class="line-note">{t(l.note)}</span>
                {!l.needed && l.onlyWhen && <span class="line-when">{t(l.onlyWhen)}</span>}
                <span class="zh-visually-hidden">
                  {state === 'done' ? t('checkStateDone', l.files) : state === 'missing' ? t('checkStateMissing') : ''}
                </span>
                {state === 'done' && (
                  <span class="line-files" aria-hidden="true">
                    {t('checkStateDone', l.files)}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
