import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { useTheme } from '@/components/ui/theme';
import { sendMessage, sendToTab } from '@/utils/messaging';
import { getLockState, lockNow, type LockState } from '@/utils/profiles/messages';
import { listFiledInvoices } from '@/utils/guard/history';
import { ITEMS } from '@/utils/detect/items';
import { describeTabUrl, type TabPlace } from '@/utils/detect/tab-place';
import { getPageStatus, PAGE_HOST_ADDRESS, type PageStatus } from '@/utils/page-status/messages';
import { askPanel } from '@/utils/page-status/shortcuts';
import { guideUrl } from '@/utils/eligibility';
import { PopupInvoiceHint } from '@/components/invoice/PopupInvoiceHint';
import { EligibilityCheck } from '@/components/guidance/EligibilityCheck';
import { PageStatusView } from './PageStatusView';
import { ReportDiagnostics } from '@/components/report/ReportDiagnostics'; // issue 13
import { reportFromTab } from '@/components/report/load';
import { guidanceUrl } from './guidance-url';

/** What the popup knows about the active tab. */
type TabState = { tabId: number | null; place: TabPlace; status: PageStatus | null; loading: boolean };

async function readActiveTab(): Promise<TabState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const place = describeTabUrl(tab?.url);
  const tabId = tab?.id ?? null;
  if (tabId === null || place !== 'portal') return { tabId, place, status: null, loading: false };
  let history: string[] = [];
  try {
    history = (await sendMessage(listFiledInvoices, {})).numbers;
  } catch {
    /* no history: duplicate warnings need it, the rest does not */
  }
  try {
    return { tabId, place, status: await sendToTab(tabId, getPageStatus, { history }, PAGE_HOST_ADDRESS), loading: false };
  } catch {
    return { tabId, place, status: null, loading: false }; // a portal page that is not ours (or still loading)
  }
}

/**
 * The toolbar popup: knows the page of the active tab — which item and step, which starred fields are
 * still empty, invoices read and filled, the warnings that would show now — and offers what applies
 * there (自动填写 with its shortcut, the helper panel, the material checklist). Elsewhere: 「能不能报？」
 * and the two guides.
 */
export function Popup() {
  useTheme();
  const [tab, setTab] = useState<TabState>({ tabId: null, place: 'other', status: null, loading: true });
  const [lock, setLock] = useState<LockState | null>(null);
  const [shortcut, setShortcut] = useState('');
  const [actionNote, setActionNote] = useState('');

  useEffect(() => {
    void readActiveTab().then(setTab, () => setTab((s) => ({ ...s, loading: false })));
    void sendMessage(getLockState, {}).then(setLock, () => {});
    void browser.commands
      ?.getAll()
      .then((all) => setShortcut(all.find((c) => c.name === 'autofill')?.shortcut ?? ''))
      .catch(() => {});
  }, []);

  const open = (url: string) => void browser.tabs.create({ url });
  const page = tab.status?.page ?? null;
  const onApplication = page?.kind === 'application';

  async function act(action: 'autofill' | 'expand') {
    if (tab.tabId === null) return;
    const res = await askPanel(tab.tabId, action);
    if (res.started) window.close();
    else setActionNote(t(res.reason === 'no-people' ? 'popupNoPeople' : 'popupNoPanel'));
  }

  return (
    <main data-testid="popup" class="popup" aria-busy={tab.loading}>
      <h1>{t('popupTitle')}</h1>
      {page ? (
        <PageStatusView status={tab.status!} />
      ) : (
        <p data-testid="popup-place">{tab.loading ? t('popupReading') : t(tab.place === 'portal' ? 'popupOnPortal' : 'popupNotOnPortal')}</p>
      )}

      {page && page.kind !== 'guide' && (
        <section class="popup-actions" aria-label={t('popupActions')}>
          {onApplication && page.step !== 'materials' && (
            <button type="button" class="wide primary" data-testid="popup-autofill" onClick={() => act('autofill')}>
              {t('popupAutofill')}
              {shortcut && <span class="shortcut"> {t('popupShortcut', shortcut)}</span>}
            </button>
          )}
          <button type="button" class="wide" data-testid="popup-open-panel" onClick={() => act('expand')}>
            {t('popupOpenPanel')}
          </button>
          {onApplication && (
            <button type="button" class="wide" data-testid="popup-print-checklist" onClick={() => open(guidanceUrl(tab.status!.situation))}>
              {t('popupPrintChecklist')}
            </button>
          )}
          {actionNote && (
            <p class="warning" role="status" data-testid="popup-action-note">
              {actionNote}
            </p>
          )}
        </section>
      )}

      {!onApplication && (
        <details class="popup-eligibility" open={page?.kind !== 'logistics'}>
          <summary>{t('popupEligibility')}</summary>
          <EligibilityCheck idPrefix="popup-elig" currentItem={page?.kind === 'guide' ? page.item : null} />
          <button type="button" class="wide" data-testid="popup-open-guidance" onClick={() => open(guidanceUrl(null))}>
            {t('popupOpenGuidance')}
          </button>
        </details>
      )}

      {!page && (
        <>
          <h2>{t('popupGuides')}</h2>
          {ITEMS.map((item) => (
            <button type="button" class="wide" key={item.id} onClick={() => open(guideUrl(item.kind))}>
              {item.title}
            </button>
          ))}
          <p class="hint">{t('popupGuideHint')}</p>
        </>
      )}
      {onApplication && page.step === 'invoice' && <PopupInvoiceHint />}
      {page && page.kind !== 'guide' && tab.tabId !== null && <ReportDiagnostics load={reportFromTab(tab.tabId)} />}
      <button type="button" class="wide" data-testid="popup-options" onClick={() => browser.runtime.openOptionsPage()}>
        {t('popupOpenOptions')}
      </button>
      {lock?.enabled && !lock.locked && (
        <button type="button" class="wide" data-testid="popup-lock" onClick={async () => setLock(await sendMessage(lockNow, {}))}>
          {t('popupLockNow')}
        </button>
      )}
      {lock?.locked && <p class="hint">{t('popupLocked')}</p>}
      <p class="privacy">{t('privacyNote')}</p>
    </main>
  );
}
