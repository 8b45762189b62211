import { render } from 'preact';
import { t } from '@/utils/i18n';

function Options() {
  return (
    <main data-testid="options">
      <h1>{t('optionsTitle')}</h1>
      <p>{t('privacyNote')}</p>
    </main>
  );
}
render(<Options />, document.getElementById('app')!);
