import { t } from '@/utils/i18n';
import type { PageStatus } from '@/utils/page-status/messages';
import { buildChecklist } from '@/utils/checklist';
import { describePage } from '@/components/panel/describe-page';
import { Checklist } from '@/components/guidance/Checklist';

/** The page of the active tab as the popup tells it: item and step, starred fields, invoices, warnings. */
export function PageStatusView({ status }: { status: PageStatus }) {
  const page = status.page!;
  const missing = status.fields.filter((f) => !f.filled);
  const filled = status.fields.length - missing.length;
  const step = page.kind === 'application' ? page.step : page.kind;
  return (
    <>
      <p data-testid="popup-place" data-item={page.item ?? 'unknown'} data-step={step} class="where">
        {describePage(page)}
      </p>
      {page.kind !== 'guide' && status.fields.length > 0 && (
        <section data-testid="popup-fields" aria-labelledby="popup-fields-title">
          <h2 id="popup-fields-title">{t('popupFieldsTitle', status.fields.length, filled, missing.length)}</h2>
          {missing.length > 0 ? (
            <ul class="missing">
              {missing.map((f, i) => (
                <li key={`${f.label}-${i}`} data-testid="popup-missing-field">
                  {f.label}
                </li>
              ))}
            </ul>
          ) : (
            <p class="ok">{t('popupFieldsAllFilled')}</p>
          )}
        </section>
      )}
      {page.kind === 'application' && (
        <p data-testid="popup-invoices" data-read={status.invoices.read} data-on-page={status.invoices.onPage}>
          {t('popupInvoices', status.invoices.read, status.invoices.onPage)}
        </p>
      )}
      {page.kind !== 'guide' && (
        <section data-testid="popup-warnings" aria-labelledby="popup-warnings-title">
          <h2 id="popup-warnings-title">{t('popupWarningsTitle', status.warnings.length)}</h2>
          {status.warnings.length === 0 ? (
            <p class="ok">{t('popupNoWarnings')}</p>
          ) : (
            <ul class="warnings">
              {status.warnings.map((w) => (
                <li key={w.code} data-warning-code={w.code} class={`sev-${w.severity}`}>
                  {t(w.message.key, ...w.message.params)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {status.uploads && <Checklist lines={buildChecklist(status.situation, status.uploads)} headingId="popup-checklist-title" />}
    </>
  );
}
