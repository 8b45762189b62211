import { render } from 'preact';
import { t } from '@/utils/i18n';

function Popup() {
  return (
    <main data-testid="popup">
      <h1>{t('popupTitle')}</h1>
      <p>{t('popupNotOnPortal')}</p>
      <button type="button" onClick={() => browser.runtime.openOptionsPage()}>{t('popupOpenOptions')}</button>
    </main>
  );
}
render(<Popup />, document.getElementById('app')!);
