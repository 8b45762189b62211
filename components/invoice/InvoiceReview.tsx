/**
 * One recognised invoice: its picture with a box where each value was read (highlighted while that field
 * has the focus), the values as editable fields (those to check first, marked), where each came from, and
 * the user's own confirmation.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { FieldName } from '@/utils/invoice/types';
import { canConfirm, firstToCheck, INSURANCE_TYPES, isLowConfidence, missingForPage, reviewOrder, sourceOf, VISIT_TYPES, type ReviewItem } from '@/utils/invoice-ui/review';
import type { InvoiceStore, ItemView } from '@/utils/invoice-ui/store';

const fieldLabel = (f: FieldName) => t(`invoiceField${f[0]!.toUpperCase()}${f.slice(1)}`);
const SOURCE_KEY = { qr: 'invoiceUiSourceQr', pdf: 'invoiceUiSourcePdf', ocr: 'invoiceUiSourceOcr', user: 'invoiceUiSourceUser' } as const;
const VISIT_KEY = { outpatient: 'invoiceVisitOutpatient', emergency: 'invoiceVisitEmergency', inpatient: 'invoiceVisitInpatient' } as const;
const INS_KEY = { employee: 'invoiceUiInsEmployee', resident: 'invoiceUiInsResident', unknown: 'invoiceUiInsUnknown' } as const;

/** The picture with the boxes of every value; `active` is drawn stronger. */
function Picture({ view, active, large, onToggle }: { view: ItemView; active: FieldName | null; large: boolean; onToggle: () => void }) {
  const { item, preview } = view;
  const size = item.result?.imageSize;
  if (!preview) return <p class="hint invoice-nopreview">{t('invoiceUiNoPreview')}</p>;
  const boxes = size
    ? (Object.entries(item.result?.boxes ?? {}) as Array<[FieldName, Array<{ x: number; y: number; w: number; h: number; page?: number }>]>).flatMap(([f, bs]) =>
        bs.filter((b) => !b.page).map((b, i) => ({ f, b, key: `${f}-${i}` })),
      )
    : [];
  return (
    <div class={`invoice-picture${large ? ' large' : ''}`}>
      <button type="button" class="invoice-picture-btn" onClick={onToggle} aria-label={large ? t('invoiceUiCloseLarge') : t('invoiceUiEnlarge')} title={large ? t('invoiceUiCloseLarge') : t('invoiceUiEnlarge')}>
        <img src={preview} alt={t('invoiceUiImageAlt', item.file)} />
        {size && (
          <svg class="invoice-boxes" viewBox={`0 0 ${size.width} ${size.height}`} preserveAspectRatio="none" aria-hidden="true">
            {boxes.map(({ f, b, key }) => (
              <rect
                key={key}
                data-box-field={f}
                class={`${f === active ? 'active' : ''} ${isLowConfidence(item, f) ? 'low' : ''}`}
                x={b.x - 3}
                y={b.y - 3}
                width={b.w + 6}
                height={b.h + 6}
                vector-effect="non-scaling-stroke"
              />
            ))}
          </svg>
        )}
      </button>
      {!large && <p class="hint">{t('invoiceUiEnlarge')}</p>}
    </div>
  );
}

function FieldInput({
  item,
  f,
  store,
  onFocus,
  inputRef,
  pageNeeds,
  pageSays,
}: {
  item: ReviewItem;
  f: FieldName;
  store: InvoiceStore;
  onFocus: (f: FieldName | null) => void;
  inputRef?: (el: HTMLElement | null) => void;
  /** The page's row dialog requires this value and it is empty. */
  pageNeeds: boolean;
  /** What the page said when it refused this value (plain words), if it did. */
  pageSays?: string;
}) {
  const id = `${item.id}-${f}`;
  const err = item.errors[f] ?? (pageNeeds ? 'invoiceUiErrPageRequires' : undefined);
  const showErr = err && (item.values[f] || item.edited.includes(f) || err === 'invoiceUiErrRequired' || err === 'invoiceUiErrPeriodRequired' || err === 'invoiceUiErrPageRequires');
  const low = isLowConfidence(item, f);
  const src = sourceOf(item, f);
  const common = {
    id,
    'data-field': f,
    'aria-invalid': showErr ? ('true' as const) : undefined,
    'aria-describedby': `${id}-msg`,
    onFocus: () => onFocus(f),
    onBlur: () => {
      onFocus(null);
      store.commit(item.id, f);
    },
    ref: inputRef,
  };
  const choice = f === 'visitType' ? VISIT_TYPES : f === 'insuranceType' ? INSURANCE_TYPES : null;
  return (
    <div class={`invoice-field${low ? ' low' : ''}${showErr ? ' bad' : ''}`} data-field-row={f}>
      <label for={id}>
        {fieldLabel(f)}
        <span class={`source source-${src ?? 'none'}`}>{src ? t(SOURCE_KEY[src]) : t('invoiceUiSourceNone')}</span>
        {low && <span class="check-mark">⚠ {t('invoiceUiCheck')}</span>}
      </label>
      {choice ? (
        <select {...common} value={item.values[f]} onChange={(e) => store.edit(item.id, f, (e.target as HTMLSelectElement).value)}>
          <option value="">{t('invoiceUiChooseOption')}</option>
          {choice.map((c) => (
            <option key={c} value={c}>
              {t(f === 'visitType' ? VISIT_KEY[c as keyof typeof VISIT_KEY] : INS_KEY[c as keyof typeof INS_KEY])}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type="text"
          inputMode={/Amount|Paid|Code$|Number$/.test(f) && f !== 'checkCode' ? 'decimal' : undefined}
          value={item.values[f]}
          onInput={(e) => store.edit(item.id, f, (e.target as HTMLInputElement).value)}
        />
      )}
      <p id={`${id}-msg`} class="error" role={showErr || pageSays ? 'alert' : undefined} data-testid={showErr || pageSays ? 'invoice-field-error' : undefined}>
        {showErr ? `✖ ${t(err!)}` : pageSays ? `✖ ${t('invoiceUiRowFieldMissing')}（${pageSays}）` : ''}
      </p>
    </div>
  );
}

export function InvoiceReview({
  view,
  store,
  duplicate,
  onLarge,
  pageRequired = [],
  refused = {},
}: {
  view: ItemView;
  store: InvoiceStore;
  duplicate: 'page' | 'list' | undefined;
  onLarge?: (open: boolean) => void;
  /** Values the page's row dialog requires (from the page model): the invoice cannot be confirmed without them. */
  pageRequired?: FieldName[];
  /** Fields the page refused when this invoice was filled, with the page's words. */
  refused?: Partial<Record<FieldName, string>>;
}) {
  const { item } = view;
  const [active, setActive] = useState<FieldName | null>(null);
  const [large, setLargeState] = useState(false);
  const setLarge = (open: boolean) => {
    setLargeState(open);
    onLarge?.(open);
  };
  const [order] = useState(() => reviewOrder(item));
  const firstRef = useRef<HTMLElement | null>(null);
  const first = firstToCheck(item);

  // The value most in need of a look gets the focus when the invoice appears (unless the user is typing elsewhere).
  useEffect(() => {
    const busy = document.activeElement && document.activeElement !== document.body;
    if (first && firstRef.current && !busy) firstRef.current.focus();
  }, []);

  // Esc closes the large picture.
  useEffect(() => {
    if (!large) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setLarge(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [large]);

  const missing = missingForPage(item, pageRequired);
  const confirmable = canConfirm(item, pageRequired);
  return (
    <section class={`card invoice-review${item.confirmed ? ' confirmed' : ''}`} data-testid="invoice-review" data-file={item.file} data-item={item.id}>
      <h3>{item.file}</h3>
      <Picture view={view} active={active} large={false} onToggle={() => setLarge(true)} />
      {/* The large picture is an overlay on top; the page layout under it does not move (the panel keeps its size report). */}
      {large && (
        <>
          <div class="invoice-large-backdrop" onClick={() => setLarge(false)} />
          <div class="invoice-large" role="dialog" aria-modal="true" aria-label={t('invoiceUiImageAlt', item.file)}>
            <button type="button" class="primary invoice-large-close" onClick={() => setLarge(false)}>
              {t('invoiceUiCloseLarge')}
            </button>
            <Picture view={view} active={active} large onToggle={() => setLarge(false)} />
          </div>
        </>
      )}
      {duplicate && !(duplicate === 'page' && item.filled) && <p class="warning" data-testid="invoice-duplicate">{t(duplicate === 'page' ? 'invoiceUiDuplicatePage' : 'invoiceUiDuplicateList')}</p>}
      {(item.result?.warnings.length ?? 0) > 0 && (
        <div class="warning">
          <strong>{t('invoiceUiWarnings')}</strong>
          <ul>
            {item.result!.warnings.map((w) => (
              <li key={w.code + w.message}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="invoice-fields">
        {order.map((f) => (
          <FieldInput
            key={f}
            item={item}
            f={f}
            store={store}
            onFocus={setActive}
            inputRef={f === first ? (el) => (firstRef.current = el) : undefined}
            pageNeeds={missing.includes(f)}
            pageSays={refused[f]}
          />
        ))}
      </div>
      <label class="check invoice-confirm">
        <input
          type="checkbox"
          data-testid="invoice-confirm"
          checked={item.confirmed && confirmable}
          disabled={!confirmable}
          onChange={(e) => store.confirm(item.id, (e.target as HTMLInputElement).checked)}
        />
        {t('invoiceUiConfirm')}
      </label>
      {!confirmable && <p class="hint" data-testid="invoice-confirm-blocked">{t('invoiceUiConfirmBlocked')}</p>}
      {item.filled && (
        <p class="ok" data-testid="invoice-filled">
          ✔ {t(duplicate === 'page' ? 'invoiceUiFilled' : 'invoiceUiFilledBefore')}
        </p>
      )}
      <button type="button" class="link" onClick={() => store.remove(item.id)}>
        {t('invoiceUiRemove')}
      </button>
    </section>
  );
}
