import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendMessage, MessageError } from '@/utils/messaging';
import { getProfile, listProfiles, unlock, type LockState, type ProfileSummary } from '@/utils/profiles/messages';
import type { Profile } from '@/utils/profiles/schema';
import { listMappings } from '@/utils/db';
import { runAutofill, setClaimContext, type FillReportWire } from '@/utils/panel/messages';
import type { PageConnection } from '@/utils/panel/connection';
import type { ItemKind } from '@/utils/detect/items';
import { toPersonValues, claimContextOf } from '@/utils/panel/people';
import { FillSummary } from './FillSummary';

interface Props {
  page: PageConnection;
  item: ItemKind | null;
  /** Told the chosen claimant, so the invoice section can compare 交款人. */
  onClaimant?: (profile: Profile | null) => void;
  /** Filled in with a way to start 自动填写 from outside (the popup, the keyboard shortcut). */
  autofillRef?: { current: (() => 'started' | 'no-people') | null };
}

/**
 * 报销人 (the person on the invoice) and 委托人 (the account holder, when someone files for them),
 * then one button that fills the starred fields. The list of people never leaves this frame.
 */
export function PeopleChooser({ page, item, onClaimant, autofillRef }: Props) {
  const [profiles, setProfiles] = useState<ProfileSummary[] | null>(null);
  const [lock, setLock] = useState<LockState | null>(null);
  const [claimantId, setClaimantId] = useState('');
  const [agentId, setAgentId] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [report, setReport] = useState<FillReportWire | null>(null);
  const [passphrase, setPassphrase] = useState('');

  async function load() {
    try {
      const res = await sendMessage(listProfiles, {});
      setLock(res.lock);
      setProfiles(res.profiles);
      setClaimantId((cur) => cur || (res.profiles[0]?.id ?? ''));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  useEffect(() => {
    void load();
  }, []);

  const claimant = profiles?.find((p) => p.id === claimantId) ?? null;

  /** A family member files for a parent: the logged-in 我自己 becomes the 委托人 by default. */
  function chooseClaimant(id: string) {
    setClaimantId(id);
    const self = profiles?.find((p) => p.isSelf);
    setAgentId(self && self.id !== id ? self.id : '');
  }
  const mismatch = claimant && item && claimant.insuranceType !== item;

  // Tell the page's guard who files for whom (only flags and the name it shows anyway).
  useEffect(() => {
    if (!claimantId) return;
    void (async () => {
      try {
        const { profile } = await sendMessage(getProfile, { id: claimantId });
        onClaimant?.(profile);
        await page.call(setClaimContext, claimContextOf(profile, agentId !== '' && agentId !== claimantId));
      } catch {
        /* the guard falls back to what the page shows */
      }
    })();
  }, [claimantId, agentId]);

  async function fill() {
    setBusy(true);
    setError('');
    setReport(null);
    try {
      const { profile: c } = await sendMessage(getProfile, { id: claimantId });
      const a = agentId && agentId !== claimantId ? (await sendMessage(getProfile, { id: agentId })).profile : null;
      const mappings = (await listMappings()).map(({ label, meaning, host }) => ({ label, meaning, host }));
      const res = await page.call(runAutofill, {
        claimant: toPersonValues(c),
        agent: a ? toPersonValues(a) : null,
        claimantInsurance: c.insuranceType,
        overwrite,
        mappings,
      });
      setReport(res);
    } catch (e) {
      setError(e instanceof MessageError && e.code === 'no-receiver' ? t('panelPageGone') : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  if (autofillRef) {
    autofillRef.current = () => {
      if (!claimantId || lock?.locked) return 'no-people';
      if (!busy) void fill();
      return 'started';
    };
  }

  async function doUnlock(ev: Event) {
    ev.preventDefault();
    try {
      setLock(await sendMessage(unlock, { passphrase }));
      setPassphrase('');
      setError('');
      await load();
    } catch (e) {
      setError(e instanceof MessageError && e.code === 'wrong-passphrase' ? t('panelWrongPassphrase') : e instanceof Error ? e.message : String(e));
    }
  }

  if (lock?.locked) {
    return (
      <form class="card" onSubmit={doUnlock}>
        <p>{t('panelLocked')}</p>
        <label for="panel-pass">{t('panelPassphrase')}</label>
        <input id="panel-pass" type="password" data-testid="panel-unlock-passphrase" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
        <button type="submit" class="primary">{t('panelUnlock')}</button>
        {error && <p role="alert" class="error">{error}</p>}
      </form>
    );
  }
  if (profiles && profiles.length === 0) {
    return (
      <section class="card">
        <p>{t('panelNoProfiles')}</p>
        <button type="button" onClick={() => browser.runtime.openOptionsPage()}>{t('panelOpenOptions')}</button>
      </section>
    );
  }
  const label = (p: ProfileSummary) => (p.displayName ? `${p.displayName}（${p.name}）` : p.name) + (p.isSelf ? t('panelSelfSuffix') : '');
  return (
    <section class="card" aria-labelledby="people-title">
      <h2 id="people-title">{t('panelPeopleTitle')}</h2>
      <label for="claimant">{t('panelClaimantLabel')}</label>
      <p class="hint">{t('panelClaimantHint')}</p>
      <select id="claimant" data-testid="claimant-select" value={claimantId} onChange={(e) => chooseClaimant(e.currentTarget.value)}>
        {(profiles ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {label(p)}
          </option>
        ))}
      </select>
      <label for="agent">{t('panelAgentLabel')}</label>
      <p class="hint">{t('panelAgentHint')}</p>
      <select id="agent" data-testid="agent-select" value={agentId} onChange={(e) => setAgentId(e.currentTarget.value)}>
        <option value="">{t('panelAgentSelf')}</option>
        {(profiles ?? [])
          .filter((p) => p.id !== claimantId)
          .map((p) => (
            <option key={p.id} value={p.id}>
              {label(p)}
            </option>
          ))}
      </select>
      <p class="mode" data-testid="panel-mode">{agentId ? t('panelModeDelegated') : t('panelModeSelf')}</p>
      {mismatch && (
        <p class="warning" role="status" data-testid="insurance-mismatch">
          {t(claimant.insuranceType === 'employee' ? 'panelMismatchEmployee' : 'panelMismatchResident')}
        </p>
      )}
      <label class="check">
        <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.currentTarget.checked)} /> {t('panelOverwrite')}
      </label>
      <button type="button" class="primary big" data-testid="autofill-button" disabled={busy || !claimantId} onClick={fill}>
        {busy ? t('panelFilling') : t('panelFillButton')}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {report && <FillSummary report={report} />}
    </section>
  );
}
