import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { useTheme } from '@/components/ui/theme';
import { sendMessage } from '@/utils/messaging';
import { getLockState, lockNow, type LockState } from '@/utils/profiles/messages';
import { ITEMS } from '@/utils/detect/items';
import { describeTabUrl, type TabPlace } from '@/utils/detect/tab-place';
import { PopupInvoiceHint } from '@/components/invoice/PopupInvoiceHint';

/** The toolbar popup: where am I, open the guides, manage people, lock. */
export function Popup() {
  useTheme();
  const [place, setPlace] = useState<TabPlace>('other');
  const [lock, setLock] = useState<LockState | null>(null);

  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setPlace(describeTabUrl(tab?.url)));
    void sendMessage(getLockState, {}).then(setLock, () => {});
  }, []);

  const open = (url: string) => void browser.tabs.create({ url });
  return (
    <main data-testid="popup" class="popup">
      <h1>{t('popupTitle')}</h1>
      <p data-testid="popup-place">{t(place === 'portal' ? 'popupOnPortal' : 'popupNotOnPortal')}</p>
      <h2>{t('popupGuides')}</h2>
      {ITEMS.map((item) => (
        <button type="button" class="wide" key={item.id} onClick={() => open(`https://zwdt.sh.gov.cn/govPortals/bsfw/item/${item.id}`)}>
          {item.title}
        </button>
      ))}
      <p class="hint">{t('popupGuideHint')}</p>
      <PopupInvoiceHint />
      <button type="button" class="wide primary" data-testid="popup-options" onClick={() => browser.runtime.openOptionsPage()}>
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
