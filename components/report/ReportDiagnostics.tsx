import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { diagnose, type Diagnostics } from '@/utils/report/diagnostics';
import type { StructureReport } from '@/utils/report/schema';
import { StructureExport } from './StructureExport';
import { LABEL_SOURCE_KEYS, STAR_RULE_KEYS } from './labels';
import './report.css';

function Counts({ title, rows, keys, testId }: { title: string; rows: Array<[string, number]>; keys?: Readonly<Record<string, string>>; testId: string }) {
  if (rows.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul data-testid={testId}>
        {rows.map(([code, n]) => (
          <li key={code} data-code={code} data-count={n}>
            {t('reportCount', keys?.[code] ? t(keys[code]!) : code, n)}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The popup's 识别情况 (issue 13): which of the page model's rules matched here, which starred fields stayed
 * unknown, the hint to send the structure to the maintainers, and the export itself.
 */
export function ReportDiagnostics({ load }: { load: () => Promise<StructureReport> }) {
  const [diag, setDiag] = useState<Diagnostics | null>(null);
  useEffect(() => {
    void load().then(
      (r) => setDiag(diagnose(r)),
      () => setDiag(null),
    );
  }, []);

  return (
    <section class="report-diagnostics" data-testid="report-diagnostics" aria-labelledby="report-diagnostics-title">
      <h2 id="report-diagnostics-title">{t('reportDiagnosticsTitle')}</h2>
      {diag && (
        <>
          <p data-testid="report-understood" data-fields={diag.fields} data-understood={diag.understood}>
            {t('reportUnderstood', diag.fields, diag.understood)}
          </p>
          <h3>{t('reportUnknownStarred')}</h3>
          {diag.unknownStarred.length === 0 ? (
            <p class="ok">{t('reportUnknownNone')}</p>
          ) : (
            <ul>
              {diag.unknownStarred.map((label, i) => (
                <li key={`${label}-${i}`} class="unknown" data-testid="report-unknown-field">
                  {label}
                </li>
              ))}
            </ul>
          )}
          {diag.unknownSlots.length > 0 && (
            <>
              <h3>{t('reportUnknownSlots')}</h3>
              <ul>
                {diag.unknownSlots.map((label, i) => (
                  <li key={`${label}-${i}`} class="unknown" data-testid="report-unknown-slot">
                    {label}
                  </li>
                ))}
              </ul>
            </>
          )}
          <details data-testid="report-rules">
            <summary>{t('reportStarRules')} · {t('reportLabelSources')} · {t('reportFrameworks')}</summary>
            <Counts title={t('reportStarRules')} rows={diag.starRules} keys={STAR_RULE_KEYS} testId="report-star-rules" />
            <Counts title={t('reportLabelSources')} rows={diag.labelSources} keys={LABEL_SOURCE_KEYS} testId="report-label-sources" />
            <Counts title={t('reportFrameworks')} rows={diag.frameworks} testId="report-frameworks" />
          </details>
        </>
      )}
      <p class="hint" data-testid="report-hint">
        {t('reportHint')}
      </p>
      <StructureExport load={load} />
    </section>
  );
}
