import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createRouter, handle } from '@/utils/messaging';
import { panelAction } from '@/utils/page-status/messages';
import { t } from '@/utils/i18n';
import { connectToPage, type PageConnection } from '@/utils/panel/connection';
import { getPageInfo, setLayout } from '@/utils/panel/messages';
import type { PageInfo } from '@/utils/detect/page';
import { GuideHint } from './GuideHint';
import { describePage } from './describe-page';
import { useLauncherSized } from './use-launcher-sized';
import { useTheme } from '@/components/ui/theme';
import { PeopleChooser } from './PeopleChooser';
import { InvoiceSection } from '@/components/invoice/InvoiceSection'; // issue 6
import { LiveChecklist } from './LiveChecklist';
import { StructureExport } from '@/components/report/StructureExport'; // issue 13
import { reportFromPanel } from '@/components/report/load';
import { FormDraftOffer } from '@/components/drafts/FormDraftOffer'; // issue 10: never lose what was typed

/** Larger text needs a wider panel (the frame's width is set by the page side). */
const WIDTH_BY_SCALE: Record<number, number> = { 100: 420, 150: 520, 200: 640 };

const contentHeight = () => Math.ceil(document.querySelector('main')?.getBoundingClientRect().height ?? 600) + 2;

/** The helper inside the portal page (extension origin). */
export function Panel() {
  const [conn, setConn] = useState<PageConnection | null>(null);
  const [page, setPage] = useState<PageInfo | null>(null);
  // The host page decides the frame's size (docked column or launcher, ../../entrypoints/portal.content/dock.ts);
  // the panel shows the launcher whenever its frame is launcher-sized.
  const sizedAsLauncher = useLauncherSized();
  // 收起 / 打开 show the next view at once, before the page side has resized the frame
  const [collapsed, setCollapsed] = useState(sizedAsLauncher);
  useEffect(() => setCollapsed(sizedAsLauncher), [sizedAsLauncher]);
  const collapsedRef = useRef(collapsed);
  collapsedRef.current = collapsed;
  const [error, setError] = useState('');
  /** Set by the people chooser: start 自动填写 as if its button were pressed. */
  const autofillRef = useRef<(() => 'started' | 'no-people') | null>(null);
  /** The 报销人 chosen (profile id; '' while none is): the invoices are kept in this person's draft of the application. */
  const [claimant, setClaimant] = useState('');
  const [claimantName, setClaimantName] = useState('');
  const settings = useTheme();
  const width = WIDTH_BY_SCALE[settings.textScale] ?? 420;

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    void (async () => {
      const c = await connectToPage();
      if (!c) return setError(t('panelNoPage'));
      setConn(c);
      const refresh = async () => {
        try {
          setPage((await c.call(getPageInfo, {})).page);
        } catch {
          /* the page is navigating */
        }
      };
      await refresh();
      timer = setInterval(refresh, 1000);
    })();
    return () => clearInterval(timer);
  }, []);

  // Keep the frame as tall as what it shows, so it covers as little of the form as possible.
  useEffect(() => {
    if (!conn) return;
    let last = 0;
    const report = () => {
      const height = contentHeight();
      if (!collapsed && Math.abs(height - last) > 4) {
        last = height;
        void conn.call(setLayout, { collapsed: false, height, width }).catch(() => {});
      }
    };
    const ro = new ResizeObserver(report);
    const main = document.querySelector('main');
    if (main) ro.observe(main);
    report();
    return () => ro.disconnect();
  }, [conn, collapsed, width]);

  // 自动填写 / 打开助手 from the toolbar popup or the keyboard shortcut, for the panel of this tab only.
  useEffect(() => {
    if (!conn) return;
    const listener = createRouter(
      [
        handle(panelAction, async ({ action }) => {
          if (collapsedRef.current) await toggle();
          if (action === 'expand') return { started: true };
          const run = autofillRef.current;
          if (!run) return { started: false, reason: 'not-application' };
          const result = run();
          return result === 'started' ? { started: true } : { started: false, reason: result };
        }),
      ],
      { address: () => String(conn.tabId) },
    ) as Parameters<typeof browser.runtime.onMessage.addListener>[0];
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [conn]);

  async function toggle() {
    const next = !collapsedRef.current;
    setCollapsed(next);
    await new Promise((r) => setTimeout(r, 0)); // render the next view before measuring it
    const height = next ? undefined : contentHeight();
    await conn?.call(setLayout, { collapsed: next, height, width }).catch(() => {});
  }

  // Collapsed, the panel shows only its launcher but keeps everything mounted: the people chosen,
  // the fill summary and invoices being read survive a collapse.
  return (
    <>
      {collapsed && (
        <div class="launcher">
          <button type="button" class="primary big" data-testid="panel-expand" onClick={toggle}>
            {t('panelExpand')}
          </button>
        </div>
      )}
      <main data-testid="panel" hidden={collapsed}>
        <header>
          <h1>{t('panelTitle')}</h1>
          <button type="button" class="link" data-testid="panel-collapse" onClick={toggle} aria-label={t('panelCollapse')}>
            {t('panelCollapse')}
          </button>
        </header>
        {error && <p class="error">{error}</p>}
        {page && <p class="where" data-testid="panel-page">{describePage(page)}</p>}
        {page?.kind === 'guide' && <GuideHint item={page.item} />}
        {conn && page && page.kind !== 'guide' && (
          <PeopleChooser page={conn} item={page.item} autofillRef={page.kind === 'application' ? autofillRef : undefined} onClaimant={(p) => {
              setClaimant(p?.id ?? '');
              setClaimantName(p?.name ?? '');
            }} />
        )}
        {/* below the people and 自动填写: it appears when a person is chosen and must not move the button under the pointer */}
        {conn && page?.kind === 'application' && <FormDraftOffer page={conn} claimant={claimant} onAttention={() => void (collapsedRef.current && toggle())} />}
        {conn && page?.kind === 'application' && (page.step === 'invoice' || page.step === 'unknown') && <InvoiceSection page={conn} item={page.item} claimant={claimant} claimantName={claimantName} />}
        {conn && page?.kind === 'application' && <LiveChecklist page={conn} />}
        {page?.kind === 'logistics' && <p class="note">{t('panelLogisticsNote')}</p>}
        {conn && page && page.kind !== 'guide' && <StructureExport load={reportFromPanel(conn)} />}
        <footer class="privacy">{t('privacyNote')}</footer>
      </main>
    </>
  );
}
