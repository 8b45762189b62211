/** 关于与隐私: what is kept where, and what the passphrase does and does not protect. */
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';

export function AboutTab() {
  const items = ['optionsPrivacy1', 'optionsPrivacy2', 'optionsPrivacy3', 'optionsPrivacy4', 'optionsPrivacy5'];
  return (
    <section aria-labelledby="about-title">
      <h2 id="about-title">{t('optionsAboutTitle')}</h2>
      <p>{t('privacyNote')}</p>
      <ul>
        {items.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
      <h3>{t('optionsLockAboutTitle')}</h3>
      <p>{t('optionsLockProtects')}</p>
      <p>{t('optionsLockDoesNotProtect')}</p>
      <p class="zh-warning">{t('settingsLockForgetWarning')}</p>
      <p class="zh-note">{t('optionsVersion', browser.runtime.getManifest().version)}</p>
    </section>
  );
}
