/** 设置: text size, contrast, volunteer mode, invoice pictures, and the passphrase lock. */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendMessage, MessageError } from '@/utils/messaging';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { AUTOLOCK_CHOICES, DRAFT_DAY_CHOICES, type Settings, type SettingsPatch, type TextScale } from '@/utils/settings';
import { updateSettings } from '@/utils/settings/messages';
import { removePassphrase, setPassphrase, type LockState } from '@/utils/profiles/messages';

const errText = (e: unknown) => (e instanceof MessageError || e instanceof Error ? e.message : String(e));

export interface SettingsTabProps {
  settings: Settings;
  lock: LockState;
  onSettings: (s: Settings) => void;
  onLock: (l: LockState) => void;
}

export function SettingsTab({ settings, lock, onSettings, onLock }: SettingsTabProps) {
  const [error, setError] = useState<string | null>(null);
  const change = async (patch: SettingsPatch) => {
    setError(null);
    try {
      onSettings(await sendMessage(updateSettings, patch));
    } catch (e) {
      setError(errText(e));
    }
  };
  const scales: TextScale[] = [100, 150, 200];
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settingsTitle')}</h2>
      {error ? (
        <p class="zh-error" role="alert">
          {error}
        </p>
      ) : null}

      <fieldset class="zh-fieldset">
        <legend>{t('settingsTextScale')}</legend>
        {scales.map((s) => (
          <label class="zh-choice" key={s}>
            <input type="radio" name="text-scale" checked={settings.textScale === s} onChange={() => change({ textScale: s })} data-testid={`settings-text-scale-${s}`} />
            {t(`settingsTextScale${s}`)}
          </label>
        ))}
      </fieldset>

      <fieldset class="zh-fieldset">
        <legend>{t('settingsDisplay')}</legend>
        <label class="zh-choice">
          <input type="checkbox" checked={settings.highContrast} onChange={(e) => change({ highContrast: (e.currentTarget as HTMLInputElement).checked })} data-testid="settings-high-contrast" />
          {t('settingsHighContrast')}
        </label>
      </fieldset>

      <fieldset class="zh-fieldset">
        <legend>{t('settingsVolunteerLegend')}</legend>
        <label class="zh-choice">
          <input type="checkbox" checked={settings.volunteerMode} onChange={(e) => change({ volunteerMode: (e.currentTarget as HTMLInputElement).checked })} data-testid="settings-volunteer" />
          {t('settingsVolunteerMode')}
        </label>
        <p class="zh-note">{t('settingsVolunteerHint')}</p>
      </fieldset>

      <fieldset class="zh-fieldset">
        <legend>{t('settingsInvoiceImagesLegend')}</legend>
        <label class="zh-choice">
          <input type="checkbox" checked={settings.keepInvoiceImages} onChange={(e) => change({ keepInvoiceImages: (e.currentTarget as HTMLInputElement).checked })} data-testid="settings-keep-images" />
          {t('settingsKeepInvoiceImages')}
        </label>
        <p class="zh-note">{t('settingsKeepInvoiceImagesHint')}</p>
      </fieldset>

      <fieldset class="zh-fieldset">
        <legend>{t('settingsDraftsLegend')}</legend>
        <label for="settings-draft-days" class="zh-field__label">
          {t('settingsDraftDays')}
        </label>
        <select id="settings-draft-days" data-testid="settings-draft-days" value={String(settings.draftDays)} onChange={(e) => change({ draftDays: Number((e.currentTarget as HTMLSelectElement).value) })}>
          {[...new Set<number>([...DRAFT_DAY_CHOICES, settings.draftDays])].sort((a, b) => a - b).map((d) => (
            <option key={d} value={String(d)}>
              {t('settingsDraftDaysN', d)}
            </option>
          ))}
        </select>
        <p class="zh-note">{t('settingsDraftsHint')}</p>
      </fieldset>

      <PassphraseSection lock={lock} settings={settings} onLock={onLock} onAutoLock={(m) => change({ autoLockMinutes: m })} />
    </section>
  );
}

function PassphraseSection({ lock, settings, onLock, onAutoLock }: { lock: LockState; settings: Settings; onLock: (l: LockState) => void; onAutoLock: (m: number) => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [show, setShow] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ level: 'error' | 'info'; text: string } | null>(null);

  const run = async (fn: () => Promise<LockState>, done: string) => {
    setBusy(true);
    setMessage({ level: 'info', text: t('settingsLockWorking') });
    try {
      onLock(await fn());
      setCurrent('');
      setNext('');
      setMessage({ level: 'info', text: done });
    } catch (e) {
      setMessage({ level: 'error', text: errText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset class="zh-fieldset" data-testid="lock-settings">
      <legend>{t('settingsLockLegend')}</legend>
      <p class="zh-note">{lock.enabled ? t('settingsLockOn') : t('settingsLockOff')}</p>
      <p class="zh-warning">{t('settingsLockForgetWarning')}</p>
      {lock.enabled ? (
        <Field id="lock-current" testId="lock-current" type={show ? 'text' : 'password'} label={t('settingsLockCurrent')} value={current} onInput={setCurrent} autoComplete="current-password" />
      ) : null}
      <Field
        id="lock-passphrase"
        testId="lock-passphrase"
        type={show ? 'text' : 'password'}
        label={lock.enabled ? t('settingsLockNew') : t('settingsLockPassphrase')}
        hint={t('settingsLockHint')}
        value={next}
        onInput={setNext}
        autoComplete="new-password"
      />
      <label class="zh-choice">
        <input type="checkbox" checked={show} onChange={(e) => setShow((e.currentTarget as HTMLInputElement).checked)} />
        {t('settingsLockShow')}
      </label>
      <div class="zh-actions">
        <Button
          variant="primary"
          disabled={busy || !next || (lock.enabled && !current)}
          onClick={() => run(() => sendMessage(setPassphrase, { current: lock.enabled ? current : undefined, next }), lock.enabled ? t('settingsLockChanged') : t('settingsLockSetDone'))}
          testId="lock-set"
        >
          {lock.enabled ? t('settingsLockChange') : t('settingsLockSet')}
        </Button>
        {lock.enabled ? (
          <Button variant="danger" disabled={busy || !current} onClick={() => run(() => sendMessage(removePassphrase, { current }), t('settingsLockRemoved'))} testId="lock-remove">
            {t('settingsLockRemove')}
          </Button>
        ) : null}
      </div>
      {message ? (
        <p class={message.level === 'error' ? 'zh-error' : 'zh-status'} role={message.level === 'error' ? 'alert' : 'status'} data-testid="lock-message">
          {message.text}
        </p>
      ) : null}
      <label for="settings-autolock" class="zh-field__label">
        {t('settingsAutoLock')}
      </label>
      <select id="settings-autolock" data-testid="settings-autolock" value={String(settings.autoLockMinutes)} onChange={(e) => onAutoLock(Number((e.currentTarget as HTMLSelectElement).value))}>
        {[...new Set<number>([...AUTOLOCK_CHOICES, settings.autoLockMinutes])].map((m) => (
          <option key={m} value={String(m)}>
            {m === 0 ? t('settingsAutoLockNever') : t('settingsAutoLockMinutes', m)}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
