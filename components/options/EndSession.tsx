/** 结束本次服务 (volunteer mode): one confirmed step wipes the temporary people, drafts and invoice pictures. */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendMessage, MessageError } from '@/utils/messaging';
import { Button } from '@/components/ui/Button';
import { Dialog } from '@/components/ui/Dialog';
import { endSession } from '@/utils/profiles/messages';

export function EndSession({ temporaryCount, onDone }: { temporaryCount: number | null; onDone: () => Promise<void> | void }) {
  const [confirm, setConfirm] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setConfirm(false);
    setError(null);
    try {
      const r = await sendMessage(endSession, {});
      setResult(`${t('profilesEndSessionDone', r.profiles, r.drafts, r.invoiceImages)} ${t('profilesEndSessionDownloads')}`);
      await onDone();
    } catch (e) {
      setError(e instanceof MessageError || e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div class="zh-banner" role="region" aria-label={t('profilesVolunteerTitle')}>
      <strong>{t('profilesVolunteerTitle')}</strong>
      <p>{temporaryCount === null ? t('profilesVolunteerTextLocked') : t('profilesVolunteerText', temporaryCount)}</p>
      <Button variant="danger" onClick={() => setConfirm(true)} testId="end-session">
        {t('profilesEndSession')}
      </Button>
      <p aria-live="polite" class="zh-status" data-testid="end-session-result">
        {result}
      </p>
      {error ? (
        <p class="zh-error" role="alert">
          {error}
        </p>
      ) : null}
      {confirm ? (
        <Dialog
          title={t('profilesEndSessionTitle')}
          onCancel={() => setConfirm(false)}
          testId="confirm-end-session"
          actions={
            <>
              <Button onClick={() => setConfirm(false)} data-autofocus testId="confirm-cancel">
                {t('profilesCancel')}
              </Button>
              <Button variant="danger" onClick={run} testId="confirm-ok">
                {t('profilesEndSessionConfirm')}
              </Button>
            </>
          }
        >
          <p>{temporaryCount === null ? t('profilesEndSessionTextLocked') : t('profilesEndSessionText', temporaryCount)}</p>
          <p class="zh-warning" data-testid="end-session-downloads">{t('profilesEndSessionDownloads')}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
