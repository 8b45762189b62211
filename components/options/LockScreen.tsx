/** Shown instead of the profiles while they are locked. A wrong passphrase changes nothing. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendMessage, MessageError } from '@/utils/messaging';
import { Button } from '@/components/ui/Button';
import { unlock, type LockState } from '@/utils/profiles/messages';

export function LockScreen({ onUnlocked }: { onUnlocked: (l: LockState) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!passphrase) return;
    setBusy(true);
    setError(null);
    try {
      const state = await sendMessage(unlock, { passphrase });
      setPassphrase('');
      onUnlocked(state);
    } catch (err) {
      setError(err instanceof MessageError || err instanceof Error ? err.message : String(err));
      input.current?.select();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="zh-lock" onSubmit={submit} aria-labelledby="lock-title" data-testid="lock-screen">
      <h2 id="lock-title">{t('profilesLockedTitle')}</h2>
      <p>{t('profilesLockedText')}</p>
      <label for="unlock-passphrase" class="zh-field__label">
        {t('profilesUnlockLabel')}
      </label>
      <input
        ref={input}
        id="unlock-passphrase"
        type="password"
        autoComplete="current-password"
        value={passphrase}
        onInput={(e) => setPassphrase((e.currentTarget as HTMLInputElement).value)}
        aria-describedby={error ? 'unlock-error' : undefined}
        aria-invalid={error ? 'true' : undefined}
        data-testid="unlock-passphrase"
      />
      <div class="zh-actions">
        <Button type="submit" variant="primary" disabled={busy} testId="unlock-button">
          {busy ? t('profilesUnlocking') : t('profilesUnlock')}
        </Button>
      </div>
      {error ? (
        <p id="unlock-error" class="zh-error" role="alert" data-testid="unlock-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
