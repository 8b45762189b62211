/**
 * Text size and contrast for every extension page (options, popup, the in-page panel frame).
 *
 * Call `useTheme()` in a page's root component (or `startTheme(document)` outside Preact): it reads
 * the settings mirrored in `storage.local`, sets CSS variables + the root font size, injects the base
 * style sheet (large text, big targets, visible focus rings) once, and follows later changes live.
 *
 * Variables: --zh-font-size, --zh-fg, --zh-bg, --zh-muted, --zh-accent, --zh-accent-fg, --zh-border,
 * --zh-error, --zh-warn, --zh-ok, --zh-focus, --zh-surface. Sizes in `rem` follow the text scale.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, readMirroredSettings, settingsSchema, SETTINGS_MIRROR_KEY, type Settings } from '@/utils/settings';

/** Large-text default: elderly users are the audience. */
export const BASE_FONT_PX = 18;

type ThemeSettings = Pick<Settings, 'textScale' | 'highContrast'>;

const NORMAL = {
  '--zh-fg': '#1f1f1f',
  '--zh-bg': '#ffffff',
  '--zh-surface': '#f5f7fa',
  '--zh-muted': '#4a4a4a',
  '--zh-accent': '#0b57d0',
  '--zh-accent-fg': '#ffffff',
  '--zh-border': '#8a8a8a',
  '--zh-error': '#b00020',
  '--zh-warn': '#8a5300',
  '--zh-ok': '#1b6e20',
  '--zh-focus': '#ff8c00',
};

const HIGH = {
  '--zh-fg': '#000000',
  '--zh-bg': '#ffffff',
  '--zh-surface': '#ffffff',
  '--zh-muted': '#000000',
  '--zh-accent': '#000000',
  '--zh-accent-fg': '#ffff00',
  '--zh-border': '#000000',
  '--zh-error': '#a00000',
  '--zh-warn': '#000000',
  '--zh-ok': '#004d00',
  '--zh-focus': '#0000ff',
};

export function themeVariables(s: ThemeSettings): Record<string, string> {
  return { '--zh-font-size': `${(BASE_FONT_PX * s.textScale) / 100}px`, ...(s.highContrast ? HIGH : NORMAL) };
}

const BASE_CSS = `
:root { font-size: var(--zh-font-size); color: var(--zh-fg); background: var(--zh-bg); line-height: 1.6;
  font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
/* Chrome gives extension pages body font-size 75% and a system font: undo both. */
body { margin: 0; color: var(--zh-fg); background: var(--zh-bg); font-size: 1rem; font-family: inherit; }
button, input, select, textarea { font: inherit; color: inherit; }
button { min-height: 2.4rem; padding: 0.3rem 1rem; border-radius: 0.3rem; border: 2px solid var(--zh-border);
  background: var(--zh-bg); cursor: pointer; }
button.zh-primary { background: var(--zh-accent); color: var(--zh-accent-fg); border-color: var(--zh-accent); }
button.zh-danger { color: var(--zh-error); border-color: var(--zh-error); }
button:disabled { opacity: 0.55; cursor: not-allowed; }
input, select, textarea { border: 2px solid var(--zh-border); border-radius: 0.25rem; padding: 0.25rem 0.5rem;
  background: var(--zh-bg); max-width: 100%; box-sizing: border-box; }
:focus-visible { outline: 3px solid var(--zh-focus); outline-offset: 2px; }
a { color: var(--zh-accent); }
[data-contrast="high"] a, [data-contrast="high"] button { text-decoration-thickness: 2px; }
[data-contrast="high"] * { box-shadow: none !important; }
.zh-visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export function applyTheme(s: ThemeSettings, doc: Document = document): void {
  const root = doc.documentElement;
  for (const [k, v] of Object.entries(themeVariables(s))) root.style.setProperty(k, v);
  root.style.fontSize = themeVariables(s)['--zh-font-size']!;
  root.dataset.contrast = s.highContrast ? 'high' : 'normal';
  root.dataset.textScale = String(s.textScale);
  if (!doc.getElementById('zh-theme-base')) {
    const style = doc.createElement('style');
    style.id = 'zh-theme-base';
    style.textContent = BASE_CSS;
    doc.head.prepend(style);
  }
}

/** Apply now and on every change; returns a stop function. */
export function startTheme(doc: Document = document, onChange?: (s: Settings) => void): () => void {
  applyTheme(DEFAULT_SETTINGS, doc);
  let stopped = false;
  void readMirroredSettings().then((s) => {
    if (stopped) return;
    applyTheme(s, doc);
    onChange?.(s);
  });
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !changes[SETTINGS_MIRROR_KEY]) return;
    const parsed = settingsSchema.safeParse(changes[SETTINGS_MIRROR_KEY].newValue ?? {});
    const s = parsed.success ? parsed.data : DEFAULT_SETTINGS;
    applyTheme(s, doc);
    onChange?.(s);
  };
  try {
    browser.storage.onChanged.addListener(listener);
  } catch {
    /* no storage API here */
  }
  return () => {
    stopped = true;
    try {
      browser.storage.onChanged.removeListener(listener);
    } catch {
      /* ignore */
    }
  };
}

/** Preact hook: applies the theme to this page and returns the current settings. */
export function useTheme(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => startTheme(document, setSettings), []);
  return settings;
}
