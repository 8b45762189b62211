/**
 * 字段对应 (options page): teach the autofill engine a label it does not know — "页面上的标签文字 → 含义" —
 * or tell it never to fill one. Stored locally (IndexedDB `mappings`), applied at the next fill.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { listMappings, putMapping, deleteMapping, type MappingRecord } from '@/utils/db';
import { Button } from '@/components/ui/Button';
import { MEANINGS, IGNORE, MEANING_LABEL_KEYS, isTaughtMeaning, type TaughtMeaning } from '@/utils/page/meanings';
import { normalizeLabel } from '@/utils/page/text';

/** Storage used by the editor (the db accessors; tests pass an in-memory one). */
export interface MappingStore {
  list(): Promise<MappingRecord[]>;
  put(m: { id: string; label: string; meaning: string; host?: string }): Promise<unknown>;
  remove(id: string): Promise<void>;
}

const dbStore: MappingStore = { list: listMappings, put: putMapping, remove: deleteMapping };

const CHOICES: TaughtMeaning[] = [...MEANINGS, IGNORE];
const meaningText = (m: string) => (isTaughtMeaning(m) ? t(MEANING_LABEL_KEYS[m]) : m);

const newId = () => (globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `m-${Date.now()}-${Math.random().toString(36).slice(2)}`);

export function FieldMappings({ store = dbStore }: { store?: MappingStore }) {
  const [items, setItems] = useState<MappingRecord[]>([]);
  const [label, setLabel] = useState('');
  const [meaning, setMeaning] = useState<TaughtMeaning>('claimant.name');
  const [host, setHost] = useState('');
  const [error, setError] = useState<string | null>(null);

  const reload = async () => {
    try {
      setItems((await store.list()).sort((a, b) => a.label.localeCompare(b.label, 'zh')));
    } catch (e) {
      setError(t('autofillMappingsError', e instanceof Error ? e.message : String(e)));
    }
  };
  useEffect(() => {
    void reload();
  }, []);

  const add = async (ev: Event) => {
    ev.preventDefault();
    setError(null);
    const norm = normalizeLabel(label);
    if (!norm) {
      setError(t('autofillMappingsLabelRequired'));
      return;
    }
    const h = host.trim().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    // one mapping per label and site: teaching again replaces
    const same = items.find((m) => m.label === norm && (m.host ?? '') === h);
    try {
      await store.put({ id: same?.id ?? newId(), label: norm, meaning, ...(h ? { host: h } : {}) });
      setLabel('');
      await reload();
    } catch (e) {
      setError(t('autofillMappingsError', e instanceof Error ? e.message : String(e)));
    }
  };

  const remove = async (id: string) => {
    setError(null);
    try {
      await store.remove(id);
      await reload();
    } catch (e) {
      setError(t('autofillMappingsError', e instanceof Error ? e.message : String(e)));
    }
  };

  return (
    <section data-testid="field-mappings" aria-labelledby="mappings-title">
      <h2 id="mappings-title">{t('autofillMappingsTitle')}</h2>
      <p class="zh-note">{t('autofillMappingsIntro')}</p>
      {error ? (
        <p class="zh-error" role="alert">
          {error}
        </p>
      ) : null}
      <form class="zh-fieldset" onSubmit={add}>
        <label class="zh-field">
          <span class="zh-field__label">{t('autofillMappingsLabel')}</span>
          <input type="text" value={label} onInput={(e) => setLabel((e.currentTarget as HTMLInputElement).value)} data-testid="mapping-label" />
        </label>
        <label class="zh-field">
          <span class="zh-field__label">{t('autofillMappingsMeaning')}</span>
          <select value={meaning} onChange={(e) => setMeaning((e.currentTarget as HTMLSelectElement).value as TaughtMeaning)} data-testid="mapping-meaning">
            {CHOICES.map((m) => (
              <option key={m} value={m}>
                {meaningText(m)}
              </option>
            ))}
          </select>
        </label>
        <label class="zh-field">
          <span class="zh-field__label">{t('autofillMappingsHost')}</span>
          <input type="text" value={host} placeholder="zwdt.sh.gov.cn" onInput={(e) => setHost((e.currentTarget as HTMLInputElement).value)} data-testid="mapping-host" />
        </label>
        <div class="zh-actions">
          <Button variant="primary" type="submit" testId="mapping-add">
            {t('autofillMappingsAdd')}
          </Button>
        </div>
      </form>
      {items.length === 0 ? (
        <p class="zh-note" data-testid="mapping-empty">
          {t('autofillMappingsEmpty')}
        </p>
      ) : (
        <ul class="zh-profile-list" data-testid="mapping-list">
          {items.map((m) => (
            <li class="zh-profile-item" key={m.id} data-testid="mapping-item">
              <span>
                <span class="zh-profile-item__name">{m.label}</span> → {meaningText(m.meaning)}
                <span class="zh-badge">{m.host ?? t('autofillMappingsAllSites')}</span>
              </span>
              <span class="zh-profile-item__actions">
                <Button variant="danger" onClick={() => void remove(m.id)} testId="mapping-delete">
                  {t('autofillMappingsDelete')}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
