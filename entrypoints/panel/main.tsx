import { render } from 'preact';
import { t } from '@/utils/i18n';

function Panel() {
  return (
    <main data-testid="panel">
      <h1>{t('panelTitle')}</h1>
    </main>
  );
}
render(<Panel />, document.getElementById('app')!);
