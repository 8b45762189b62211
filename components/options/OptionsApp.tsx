/**
 * The options page: tabs 报销人资料 / 设置 / 字段对应 / 关于与隐私 (keyboard: arrow keys, Home, End).
 * Everything goes through the background's typed messages; this page keeps no personal data.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import { useTheme } from '@/components/ui/theme';
import { Button } from '@/components/ui/Button';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { getSettings } from '@/utils/settings/messages';
import { getLockState, listProfiles, lockNow, touchActivity, type LockState, type ProfileSummary, type UnreadableRecord } from '@/utils/profiles/messages';
import { FieldMappings } from './FieldMappings';
import { ProfilesTab } from './ProfilesTab';
import { SettingsTab } from './SettingsTab';
import { LockScreen } from './LockScreen';
import { AboutTab } from './AboutTab';
import { EndSession } from './EndSession';

const TABS = [
  { id: 'profiles', label: 'optionsTabProfiles' },
  { id: 'settings', label: 'optionsTabSettings' },
  { id: 'mappings', label: 'optionsTabMappings' },
  { id: 'about', label: 'optionsTabAbout' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const initialTab = (): TabId => {
  const h = location.hash.replace('#', '');
  return (TABS.find((x) => x.id === h)?.id ?? 'profiles') as TabId;
};

export function OptionsApp() {
  useTheme();
  const [tab, setTab] = useState<TabId>(initialTab);
  const [lock, setLock] = useState<LockState>({ enabled: false, locked: false, autoLockMinutes: DEFAULT_SETTINGS.autoLockMinutes });
  const [profiles, setProfiles] = useState<ProfileSummary[]>([]);
  const [unreadable, setUnreadable] = useState<UnreadableRecord[]>([]);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  const reload = useCallback(async () => {
    try {
      const [list, s] = await Promise.all([sendMessage(listProfiles, {}), sendMessage(getSettings, {})]);
      setLock(list.lock);
      setProfiles(list.profiles);
      setUnreadable(list.unreadable);
      setSettings(s);
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoaded(true);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Auto-lock: user activity postpones it; the page notices when the background locked.
  useEffect(() => {
    let last = 0;
    const onActivity = () => {
      if (Date.now() - last < 30_000) return;
      last = Date.now();
      void sendMessage(touchActivity, {}).then((r) => void (r.locked && reload()), () => {});
    };
    const poll = setInterval(() => {
      void sendMessage(getLockState, {}).then((l) => {
        setLock((old) => {
          if (old.locked !== l.locked) void reload();
          return l;
        });
      }, () => {});
    }, 15_000);
    window.addEventListener('keydown', onActivity);
    window.addEventListener('pointerdown', onActivity);
    return () => {
      clearInterval(poll);
      window.removeEventListener('keydown', onActivity);
      window.removeEventListener('pointerdown', onActivity);
    };
  }, [reload]);

  const select = (id: TabId, focus = false) => {
    setTab(id);
    history.replaceState(null, '', `#${id}`);
    if (focus) tabRefs.current[id]?.focus();
  };
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((x) => x.id === tab);
    const to = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i - 1 + TABS.length) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    select(TABS[to]!.id, true);
  };

  const doLockNow = async () => {
    setLock(await sendMessage(lockNow, {}));
    await reload();
  };

  return (
    <div class="zh-options" data-testid="options">
      <header class="zh-header">
        <h1>{t('optionsTitle')}</h1>
        <p class="zh-note">{t('privacyNote')}</p>
        {lock.enabled && !lock.locked ? (
          <Button onClick={doLockNow} testId="lock-now">
            {t('optionsLockNow')}
          </Button>
        ) : null}
        {lock.locked ? <span class="zh-badge" data-testid="lock-badge">{t('optionsLockedBadge')}</span> : null}
      </header>
      <div role="tablist" aria-label={t('optionsTabsLabel')} class="zh-tabs" onKeyDown={onTabKey}>
        {TABS.map((x) => (
          <button
            key={x.id}
            ref={(el) => void (tabRefs.current[x.id] = el)}
            type="button"
            role="tab"
            id={`tab-${x.id}`}
            aria-selected={tab === x.id}
            aria-controls={`panel-${x.id}`}
            tabIndex={tab === x.id ? 0 : -1}
            onClick={() => select(x.id)}
            data-testid={`tab-${x.id}`}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      <main role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="zh-panel" data-testid={`panel-${tab}`}>
        {loadError ? (
          <p class="zh-error" role="alert">
            {loadError}
          </p>
        ) : null}
        {!loaded ? (
          <p>{t('optionsLoading')}</p>
        ) : tab === 'profiles' ? (
          lock.locked ? (
            <>
              <LockScreen
                onUnlocked={(l) => {
                  setLock(l);
                  void reload();
                }}
              />
              {settings.volunteerMode ? <EndSession temporaryCount={null} onDone={reload} /> : null}
            </>
          ) : (
            <ProfilesTab profiles={profiles} unreadable={unreadable} volunteerMode={settings.volunteerMode} reload={reload} />
          )
        ) : tab === 'settings' ? (
          <SettingsTab settings={settings} lock={lock} onSettings={setSettings} onLock={(l) => (setLock(l), void reload())} />
        ) : tab === 'mappings' ? (
          <FieldMappings />
        ) : (
          <AboutTab />
        )}
      </main>
    </div>
  );
}
