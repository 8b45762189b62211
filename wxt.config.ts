import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { toChromeMessages, duplicateKeys } from './locales';

// The portal hosts. Match patterns ignore the port, so `ywtb.sh.gov.cn:18018` is covered.
export const PORTAL_MATCHES = ['https://zwdt.sh.gov.cn/*', 'https://ywtb.sh.gov.cn/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // Compile locales/*.json into the extension's _locales (zh_CN is the default language).
    'build:publicAssets': (_wxt, assets) => {
      const dup = duplicateKeys();
      if (dup.length) throw new Error(`i18n keys defined twice: ${dup.join(', ')}`);
      for (const lang of ['zh_CN', 'en'] as const) {
        assets.push({ relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(toChromeMessages(lang), null, 1) });
      }
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: { chunkSizeWarningLimit: 4096 },
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'alarms'],
    host_permissions: PORTAL_MATCHES,
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    web_accessible_resources: [
      { resources: ['panel.html'], matches: PORTAL_MATCHES },
    ],
    action: { default_title: '__MSG_extName__' },
  },
});
