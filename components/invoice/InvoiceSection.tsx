/**
 * 发票信息 in the helper's panel (issue 6): choose invoice photos / PDFs (large drop zone + file button),
 * watch each file being read, check and confirm every value, then "填入发票信息" adds one row per confirmed
 * invoice to the page. Reading runs here, in the extension's own frame — the page never sees the pictures.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { PageConnection } from '@/utils/panel/connection';
import { listInvoiceRows, setClaimInvoices, type InvoiceRowOutcome } from '@/utils/panel/invoice-messages';
import { setLayout } from '@/utils/panel/messages';
import { duplicateIds, FIELD_OF_MEANING, pageRequiredFields, progressWords, rowsToFill, toClaimInvoices } from '@/utils/invoice-ui/review';
import type { FieldName } from '@/utils/invoice/types';
import { invoiceStore, type InvoiceStore, type ItemView } from '@/utils/invoice-ui/store';
import { getApplicationId } from '@/utils/drafts/messages';
import { itemKindSchema } from '@/utils/panel/messages';
import { InvoiceReview } from './InvoiceReview';
import './invoice.css';

function useStore(store: InvoiceStore): ItemView[] {
  const [views, setViews] = useState(store.views);
  useEffect(() => store.subscribe(() => setViews(store.views)), [store]);
  return views;
}

function ProgressRow({ view }: { view: ItemView }) {
  const { item } = view;
  const reading = item.status === 'reading';
  return (
    <div class={`invoice-progress status-${item.status}`} data-testid="invoice-progress" data-file={item.file} data-status={item.status}>
      <div class="invoice-progress-name">{item.file}</div>
      {(reading || item.status === 'queued') && (
        <>
          <progress max={1} value={reading ? item.progress : 0} aria-label={item.file} />
          <p class="invoice-progress-words" role="status">
            {reading ? progressWords(view.batchIndex, view.batchCount, t) : t('invoiceUiQueued')}
            {reading && view.phase === 'ocr-init' ? ` — ${t('invoiceUiPhaseStart')}` : ''}
          </p>
        </>
      )}
      {item.status === 'error' && (
        <p class="error" data-testid="invoice-error" role="alert">
          ✖ {item.error}
        </p>
      )}
      {item.status === 'cancelled' && <p class="warning">{t('invoiceUiCancelled')}</p>}
    </div>
  );
}

/**
 * `claimant`: the profile id chosen as 报销人 in the panel ('' while none is): with the item and the
 * application number the page shows, it decides which draft the invoices are kept in. `claimantName`: their
 * name, for the 交款人 read on the invoices.
 */
export function InvoiceSection({ page, item: itemKind, claimant = '', claimantName = '', store = invoiceStore }: { page: PageConnection; item: string | null; claimant?: string; claimantName?: string; store?: InvoiceStore }) {
  const views = useStore(store);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [pageRows, setPageRows] = useState<Array<{ number: string; code: string | null }>>([]);
  // what the page's row dialog requires (page model): an invoice lacking one of these cannot be confirmed
  const [required, setRequired] = useState<FieldName[]>([]);
  const [filling, setFilling] = useState(false);
  const [outcome, setOutcome] = useState<InvoiceRowOutcome[] | null>(null);
  const [message, setMessage] = useState('');

  // This application's draft: item + claimant + the application number the page shows (restored unconfirmed).
  useEffect(() => {
    let stop = false;
    void (async () => {
      const { application } = await page.call(getApplicationId, {}).catch(() => ({ application: '' }));
      const item = itemKindSchema.safeParse(itemKind);
      if (!stop) await store.setKey({ item: item.success ? item.data : null, claimant, application }, page.tabId);
    })();
    return () => void (stop = true);
  }, [store, page, itemKind, claimant]);

  // 交款人 read one character away from the 报销人's name is taken to be it, marked (known-payer.ts).
  useEffect(() => store.setClaimantName(claimantName), [store, claimantName]);

  // Keep the page's guard told; stop reading when the section closes.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    store.onInvoicesChanged = (items) => {
      clearTimeout(timer);
      timer = setTimeout(() => void page.call(setClaimInvoices, { invoices: toClaimInvoices(items) }).catch(() => {}), 200);
    };
    const unload = () => store.dispose();
    window.addEventListener('pagehide', unload);
    // Collapsing the panel (the host page does so when the user clicks into the form) keeps reading:
    // the frame and its worker live on. Closing the frame or leaving the page ends the worker (pagehide).
    return () => {
      window.removeEventListener('pagehide', unload);
      store.onInvoicesChanged = null;
    };
  }, [store, page]);

  // The rows already on the page (duplicates by 票据号码).
  useEffect(() => {
    let stop = false;
    const refresh = async () => {
      try {
        const r = await page.call(listInvoiceRows, {});
        if (!stop) {
          setPageRows(r.rows);
          setRequired((old) => {
            const next = pageRequiredFields(r.required);
            return old.join() === next.join() ? old : next;
          });
        }
      } catch {
        /* navigating */
      }
    };
    void refresh();
    const id = setInterval(refresh, 2000);
    return () => {
      stop = true;
      clearInterval(id);
    };
  }, [page]);

  const items = views.map((v) => v.item);
  const dup = duplicateIds(items, pageRows);
  const toFill = rowsToFill(items, pageRows, required);
  const reviews = views.filter((v) => v.item.status === 'done');
  const progress = views.filter((v) => v.item.status !== 'done');

  function add(list: FileList | null | undefined) {
    const files = Array.from(list ?? []);
    if (files.length) {
      setOutcome(null);
      store.addFiles(files);
    }
  }

  async function fill() {
    setFilling(true);
    setMessage('');
    setOutcome(null);
    try {
      const r = await store.fill(page);
      setPageRows(r.rows);
      setRequired((old) => (old.join() === r.required.join() ? old : r.required));
      setMessage(r.message);
      setOutcome(r.outcome);
    } catch {
      setMessage(t('invoiceUiPageGone'));
    } finally {
      setFilling(false);
    }
  }

  // The large picture: ask the page for a wide, tall frame while it is open, then give the width back.
  const normalWidth = useRef(0);
  async function onLarge(open: boolean) {
    if (open) normalWidth.current = document.documentElement.clientWidth;
    const width = open ? Math.min(1100, Math.max(normalWidth.current, window.screen.availWidth - 80)) : normalWidth.current || undefined;
    const height = open ? 4000 : Math.ceil(document.querySelector('main')?.getBoundingClientRect().height ?? 600) + 2;
    await page.call(setLayout, { collapsed: false, height, ...(width ? { width: Math.max(200, Math.round(width)) } : {}) }).catch(() => {});
  }

  const fileName = (id: string) => views.find((v) => v.item.id === id)?.item.file ?? id;
  /** The fields the page refused for one invoice, with its words (shown on the field). */
  const refusedFor = (id: string): Partial<Record<FieldName, string>> => {
    const out: Partial<Record<FieldName, string>> = {};
    for (const f of outcome?.find((o) => o.id === id && o.status === 'failed')?.failed ?? []) {
      const name = f.meaning ? FIELD_OF_MEANING[f.meaning] : undefined;
      if (name) out[name] = f.reason;
    }
    return out;
  };
  return (
    <section class="card invoice-section" data-testid="invoice-section" data-draft-loaded={String(store.draftLoaded)} aria-labelledby="invoice-title">
      <h2 id="invoice-title">{t('invoiceUiTitle')}</h2>
      <p class="hint">{t('invoiceUiIntro')}</p>
      <div
        class={`invoice-drop${over ? ' over' : ''}`}
        data-testid="invoice-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragEnter={() => store.warmUp()}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          add(e.dataTransfer?.files);
        }}
      >
        <p>{t('invoiceUiDrop')}</p>
        <label class="invoice-choose">
          <input
            ref={input}
            type="file"
            data-testid="invoice-file-input"
            accept="image/*,application/pdf,.pdf"
            multiple
            onClick={() => store.warmUp()}
            onChange={(e) => {
              add((e.target as HTMLInputElement).files);
              (e.target as HTMLInputElement).value = '';
            }}
          />
          <span class="button primary">{t('invoiceUiChoose')}</span>
        </label>
      </div>
      {progress.map((v) => (
        <ProgressRow key={v.item.id} view={v} />
      ))}
      {progress.some((v) => v.item.status === 'reading' || v.item.status === 'queued') && (
        <button type="button" data-testid="invoice-stop" onClick={() => store.cancel()}>
          {t('invoiceUiStop')}
        </button>
      )}
      {reviews.map((v) => (
        <InvoiceReview key={v.item.id} view={v} store={store} duplicate={dup.get(v.item.id)} onLarge={onLarge} pageRequired={required} refused={refusedFor(v.item.id)} />
      ))}
      {reviews.length > 0 && (
        <>
          <button type="button" class="primary big" data-testid="invoice-fill-button" disabled={filling || toFill.length === 0} onClick={fill}>
            {filling ? t('invoiceUiFilling') : t('invoiceUiFill', toFill.length)}
          </button>
          {toFill.length === 0 && !filling && <p class="hint">{t('invoiceUiFillNone')}</p>}
        </>
      )}
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
      {outcome && (
        <div class="summary" data-testid="invoice-fill-report" role="status">
          <p class="summary-line">{t('invoiceUiFillSummary', outcome.filter((o) => o.status === 'added').length)}</p>
          <ul>
            {outcome
              .filter((o) => o.status !== 'added' || o.failed.length)
              .map((o) => (
                <li key={o.id} data-status={o.status}>
                  <strong>{fileName(o.id)}</strong>
                  {o.message ? `：${o.message}` : ''}
                  {o.failed.length > 0 && (
                    <>
                      <br />
                      {t('invoiceUiFillFailedTitle')}
                      <ul>
                        {o.failed.map((f) => (
                          <li key={f.label} data-testid="invoice-fill-failed">
                            <strong>{f.label}</strong>：{f.reason}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </li>
              ))}
          </ul>
        </div>
      )}
    </section>
  );
}
