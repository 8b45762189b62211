import { t } from '@/utils/i18n';
import type { FillReportWire } from '@/utils/panel/messages';

/** "已填写 8 项，2 项需要您手动填写", then the starred fields still empty and why. */
export function FillSummary({ report }: { report: FillReportWire }) {
  return (
    <div data-testid="autofill-summary" role="status" class="summary">
      <p class="summary-line">{report.summary.text}</p>
      {report.summary.manual.length > 0 && (
        <>
          <p>{t('panelManualTitle')}</p>
          <ul>
            {report.summary.manual.map((m) => (
              <li key={m.label}>
                <strong>{m.label}</strong>：{m.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.rejected.length > 0 && (
        <ul class="error">
          {report.rejected.map((r) => (
            <li key={r.label}>
              <strong>{r.label}</strong>：{r.reason}
            </li>
          ))}
        </ul>
      )}
      {report.warnings.map((w) => (
        <p class="warning" key={w}>
          {w}
        </p>
      ))}
    </div>
  );
}
