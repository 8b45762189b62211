/**
 * 「恢复上次填写的内容」 in the helper's panel (issue 10): the page side keeps what is typed in the application
 * as a draft; when the page comes back emptier than it (the login expired, a reload, days of maintenance), this
 * offers it back. Nothing is put over what the page shows without the user's choice: fields the page shows
 * empty are ticked, fields it shows with another value are listed with both values and unticked. Restoring goes
 * through the autofill drivers on the page; the outcome (restored / refused / waiting for another step) is
 * said plainly. Also says, in one line, whether what is typed now is being kept (or not, while locked).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { PageConnection } from '@/utils/panel/connection';
import { discardFormDraft, getFormDraftState, restoreFormDraft, type FormDraftStateWire as State, type OfferWire, type RestoreReportWire } from '@/utils/drafts/page-messages';

interface Props {
  page: PageConnection;
  /** The 报销人 chosen in the panel (profile id; '' when none): part of the draft's key. */
  claimant: string;
  /** The offer appeared: the panel makes sure it is seen (expands). */
  onAttention?: () => void;
}

/** The panel polls like its page info; the key's claimant is told each time. */
const POLL_MS = 1000;
/** How long the panel waits for its people chooser before keying with no 报销人 (''). */
const CLAIMANT_WAIT_MS = 2500;

const time = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
};

const defaultChoice = (offer: OfferWire) => new Set([...offer.fields.filter((f) => f.page === '').map((f) => f.key), ...offer.rows.map((r) => r.key)]);

export function FormDraftOffer({ page, claimant, onAttention }: Props) {
  const [st, setSt] = useState<State | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<RestoreReportWire | null>(null);
  const [discarded, setDiscarded] = useState(false);
  const [error, setError] = useState('');
  const [patient, setPatient] = useState(false);
  /** The 报销人 the last answer was for (the draft key's claimant). */
  const [answeredFor, setAnsweredFor] = useState<string | null>(null);
  const offerShown = useRef('');
  const claimantRef = useRef(claimant);
  claimantRef.current = claimant;

  useEffect(() => {
    const timer = setTimeout(() => setPatient(true), CLAIMANT_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  const ready = claimant !== '' || patient;

  useEffect(() => {
    if (!ready) return;
    let stop = false;
    const poll = async () => {
      try {
        const who = claimantRef.current;
        const next = await page.call(getFormDraftState, { claimant: who });
        if (stop) return;
        setSt(next);
        setAnsweredFor(who);
        const id = next.offer ? JSON.stringify([next.offer.fields.map((f) => f.key), next.offer.rows.map((r) => r.key)]) : '';
        if (id && id !== offerShown.current) {
          setChosen(defaultChoice(next.offer!));
          setReport(null);
          setDiscarded(false);
          onAttention?.();
        }
        offerShown.current = id;
      } catch {
        /* the page is navigating, or has no form: asked again */
      }
    };
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [page, ready, claimant]);

  const toggle = (key: string) =>
    setChosen((cur) => {
      const next = new Set(cur);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  async function restore() {
    setBusy(true);
    setError('');
    try {
      setReport(await page.call(restoreFormDraft, { keys: [...chosen] }));
      offerShown.current = '';
      setSt((cur) => (cur ? { ...cur, offer: null } : cur));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function discard() {
    setBusy(true);
    setError('');
    try {
      await page.call(discardFormDraft, {});
      setDiscarded(true);
      offerShown.current = '';
      setSt((cur) => (cur ? { ...cur, offer: null } : cur));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const offer = st?.offer ?? null;
  return (
    <section class={offer ? 'card draft-offer' : 'draft-status'} data-testid="draft-section" data-draft-state={st?.state ?? 'loading'} data-draft-checked={st && st.state !== 'loading' ? 'true' : 'false'} data-draft-claimant={answeredFor ?? ''} aria-live="polite">
      {offer && (
        <>
          <h2>{t('draftsOfferTitle')}</h2>
          <p>{offer.savedAt ? t('draftsOfferIntro', time(offer.savedAt)) : t('draftsOfferIntroNoTime')}</p>
          <ul class="draft-fields">
            {offer.fields.map((f) => (
              <li key={f.key}>
                <label class="check">
                  <input type="checkbox" data-testid="draft-field" data-key={f.key} checked={chosen.has(f.key)} onChange={() => toggle(f.key)} />
                  <span>
                    <strong>{f.label}</strong>：{t('draftsOfferLast', f.draft)}
                    {f.page !== '' && <span class="warning"> {t('draftsOfferNow', f.page)}</span>}
                  </span>
                </label>
              </li>
            ))}
            {offer.rows.map((r) => (
              <li key={r.key}>
                <label class="check">
                  <input type="checkbox" data-testid="draft-field" data-key={r.key} checked={chosen.has(r.key)} onChange={() => toggle(r.key)} />
                  <strong>{t('draftsRowLabel', r.label)}</strong>
                </label>
              </li>
            ))}
          </ul>
          {offer.fields.some((f) => f.page !== '') && <p class="hint">{t('draftsOfferConflictHint')}</p>}
          <button type="button" class="primary big" data-testid="draft-restore" disabled={busy || chosen.size === 0} onClick={restore}>
            {busy ? t('draftsRestoring') : t('draftsRestore')}
          </button>
          <button type="button" class="big" data-testid="draft-discard" disabled={busy} onClick={discard}>
            {t('draftsDiscard')}
          </button>
        </>
      )}
      {report && (
        <div class="summary" role="status" data-testid="draft-restore-report">
          <p class="summary-line">{t('draftsRestored', report.restored.length)}</p>
          {report.refused.length > 0 && (
            <>
              <p>{t('draftsRefusedTitle')}</p>
              <ul class="error">
                {report.refused.map((r) => (
                  <li key={r.label}>
                    <strong>{r.label}</strong>：{r.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {report.waiting > 0 && <p class="hint">{t('draftsWaiting', report.waiting)}</p>}
        </div>
      )}
      {discarded && <p class="hint" data-testid="draft-discarded">{t('draftsDiscarded')}</p>}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!offer && st?.state === 'saved' && (
        <p class="note" data-testid="draft-status">
          {t('draftsStatusSaved', time(st.savedAt))}
        </p>
      )}
      {st?.state === 'locked' && (
        <p class="warning" data-testid="draft-status">
          {t('draftsStatusLocked')}
        </p>
      )}
    </section>
  );
}
