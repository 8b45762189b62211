import { useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { StructureReport } from '@/utils/report/schema';
import './report.css';

type State = { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'shown'; report: StructureReport; json: string; note: string };

/** The file a report is saved as: what and when, no names. */
export function reportFileName(report: StructureReport): string {
  const what = [report.page.item ?? 'unknown', report.page.kind === 'application' ? report.page.step : (report.page.kind ?? 'page')].join('-');
  return `zwdt-page-structure-${what}-${report.exportedAt}.json`;
}

async function copyText(text: string, pre: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // the panel is a frame inside the portal page: the clipboard API may be refused there
    if (!pre) return false;
    const range = document.createRange();
    range.selectNodeContents(pre);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    try {
      return document.execCommand('copy');
    } finally {
      sel?.removeAllRanges();
    }
  }
}

function download(name: string, json: string) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 「导出页面结构（不含个人信息）」: asks the page for its structure report and shows the JSON BEFORE anything is
 * saved; the user copies or saves it. `load` reads the page anew on every press.
 */
export function StructureExport({ load }: { load: () => Promise<StructureReport> }) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const pre = useRef<HTMLPreElement>(null);

  async function start() {
    setState({ status: 'loading' });
    try {
      const report = await load();
      setState({ status: 'shown', report, json: JSON.stringify(report, null, 2), note: '' });
    } catch (err) {
      setState({ status: 'error', message: t('reportFailed', err instanceof Error ? err.message : String(err)) });
    }
  }

  return (
    <section class="structure-export" aria-live="polite">
      <button type="button" class="wide" data-testid="structure-export" onClick={start} disabled={state.status === 'loading'}>
        {state.status === 'loading' ? t('reportExporting') : t('reportExport')}
      </button>
      {state.status === 'error' && (
        <p class="error" role="alert" data-testid="structure-error">
          {state.message}
        </p>
      )}
      {state.status === 'shown' && (
        <div class="structure-review">
          <p class="hint">{t('reportReview')}</p>
          <pre data-testid="structure-report" tabIndex={0} aria-label={t('reportJsonLabel')} ref={pre}>
            {state.json}
          </pre>
          <div class="structure-actions">
            <button
              type="button"
              data-testid="structure-copy"
              onClick={async () => setState({ ...state, note: (await copyText(state.json, pre.current)) ? t('reportCopied') : t('reportCopyFailed') })}
            >
              {t('reportCopy')}
            </button>
            <button
              type="button"
              data-testid="structure-download"
              onClick={() => {
                const name = reportFileName(state.report);
                download(name, state.json);
                setState({ ...state, note: t('reportDownloaded', name) });
              }}
            >
              {t('reportDownload')}
            </button>
            <button type="button" data-testid="structure-close" onClick={() => setState({ status: 'idle' })}>
              {t('reportClose')}
            </button>
          </div>
          {state.note && (
            <p class="hint" role="status" data-testid="structure-note">
              {state.note}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
