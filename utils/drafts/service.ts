/**
 * Drafts of applications (runs in the background, which owns the database): per application (see
 * `./key.ts`), what the user typed in the portal's form ({field key → value}) and the invoices read in
 * the panel, so nothing typed is lost when the portal's login expires, the page reloads or the insurance
 * systems stop for maintenance.
 *
 * - Sealed with the passphrase key while a lock is set (the vault, one queue with the profiles); nothing
 *   is saved while locked.
 * - Kept for `draftDays` (default 7) after the last change, deleted at once after a confirmed submission
 *   of the application in that tab, and by 结束本次服务 (which also starts a new drafting session: a save
 *   prepared before the wipe is refused, so a panel's pending save cannot bring a draft back).
 * - Invoice pictures only with the setting 「保留发票图片」; they go with an expired (abandoned) draft.
 */
import { z } from 'zod';
import * as zm from 'zod/mini';
import { browser } from 'wxt/browser';
import type { DraftContent, DraftRecord, HelperDatabase, InvoiceImageContent, InvoiceImageRecord } from '@/utils/db';
import type { Vault, VaultContext } from '@/utils/crypto/vault';
import { loadSettings, type Settings } from '@/utils/settings';
import { DRAFT_SESSION_KEY, draftIdOf, type DraftKey } from './key';
import { formValuesSchema, type FormValues } from './form-values';

const DAY_MS = 86_400_000;

/** What the user typed, by the page model's field key (declared once: ./form-values.ts). */
export { formValuesSchema, type FormValues };

/** One invoice as the panel's review shows it (restored unconfirmed; `result` is the engine's, re-checked on restore). */
export const storedInvoiceSchema = z.object({
  id: z.string().min(1).max(100),
  file: z.string().max(500),
  kind: z.enum(['image', 'pdf', 'other']),
  values: z.record(z.string(), z.string().max(2000)),
  edited: z.array(z.string().max(50)).max(50),
  /** Already added as a row on the page: never added again. */
  filled: z.boolean().optional(),
  result: z.unknown().nullable(),
});
export type StoredInvoice = z.infer<typeof storedInvoiceSchema>;
export const storedInvoicesSchema = z.array(storedInvoiceSchema).max(50);

export type SaveOutcome = { saved: true } | { saved: false; reason: 'locked' | 'session-ended' };

export interface LoadedDraft {
  /** The drafting session to send back with every save. */
  session: string;
  /** A lock is set and closed: nothing can be read or saved until it is opened. */
  locked: boolean;
  form: FormValues | null;
  invoices: StoredInvoice[];
  updatedAt: string | null;
}

/** The drafts used in each tab since its last confirmed submission (kept in `storage.session`). */
export interface TabDrafts {
  add(tabId: number, draftId: string): Promise<void>;
  /** The tab's drafts, forgotten. */
  take(tabId: number): Promise<string[]>;
  /** The draft holding what was last typed in this tab's form (null: the form part was emptied). */
  setForm(tabId: number, draftId: string | null): Promise<void>;
  /** The draft holding what was last typed in this tab's form, if any. */
  formOf(tabId: number): Promise<string | null>;
}

export function memoryTabDrafts(): TabDrafts {
  const byTab = new Map<number, Set<string>>();
  const forms = new Map<number, string>();
  return {
    add: async (tab, id) => void byTab.set(tab, (byTab.get(tab) ?? new Set()).add(id)),
    take: async (tab) => {
      const ids = [...(byTab.get(tab) ?? [])];
      byTab.delete(tab);
      forms.delete(tab);
      return ids;
    },
    setForm: async (tab, id) => void (id === null ? forms.delete(tab) : forms.set(tab, id)),
    formOf: async (tab) => forms.get(tab) ?? null,
  };
}

const TABS_KEY = 'drafts.byTab';
const FORMS_KEY = 'drafts.formByTab';
export function sessionTabDrafts(): TabDrafts {
  const read = async <T>(key: string) => ((await browser.storage.session.get(key))[key] ?? {}) as Record<string, T>;
  return {
    async add(tab, id) {
      const all = await read<string[]>(TABS_KEY);
      const ids = all[tab] ?? [];
      if (ids.includes(id)) return;
      await browser.storage.session.set({ [TABS_KEY]: { ...all, [tab]: [...ids, id].slice(-10) } });
    },
    async take(tab) {
      const all = await read<string[]>(TABS_KEY);
      const ids = all[tab] ?? [];
      delete all[tab];
      const forms = await read<string>(FORMS_KEY);
      delete forms[tab];
      await browser.storage.session.set({ [TABS_KEY]: all, [FORMS_KEY]: forms });
      return ids;
    },
    async setForm(tab, id) {
      const forms = await read<string>(FORMS_KEY);
      if (id === null) delete forms[tab];
      else forms[tab] = id;
      await browser.storage.session.set({ [FORMS_KEY]: forms });
    },
    async formOf(tab) {
      return (await read<string>(FORMS_KEY))[tab] ?? null;
    },
  };
}

export interface DraftServiceDeps {
  vault: Vault;
  settings?: () => Promise<Settings>;
  /** Milliseconds clock. */
  clock?: () => number;
  tabs?: TabDrafts;
}

const emptyContent = (): DraftContent => ({ form: {}, invoices: [] });

function readContent(raw: unknown): { form: FormValues; invoices: StoredInvoice[] } {
  const c = (raw && typeof raw === 'object' ? raw : {}) as Partial<DraftContent>;
  const form = zm.safeParse(formValuesSchema, c.form ?? {});
  const invoices = Array.isArray(c.invoices) ? c.invoices.flatMap((i) => {
    const r = storedInvoiceSchema.safeParse(i);
    return r.success ? [r.data] : [];
  }) : [];
  return { form: form.success ? form.data : {}, invoices };
}

export class DraftService {
  private readonly vault: Vault;
  private readonly settings: () => Promise<Settings>;
  private readonly clock: () => number;
  private readonly tabs: TabDrafts;

  constructor(deps: DraftServiceDeps) {
    this.vault = deps.vault;
    this.settings = deps.settings ?? loadSettings;
    this.clock = deps.clock ?? Date.now;
    this.tabs = deps.tabs ?? memoryTabDrafts();
  }

  /** The current drafting session (created on first use). Inside the queue. */
  private async session(db: HelperDatabase): Promise<string> {
    const current = await db.get('meta', DRAFT_SESSION_KEY);
    if (typeof current === 'string') return current;
    const fresh = crypto.randomUUID();
    await db.put('meta', fresh, DRAFT_SESSION_KEY);
    return fresh;
  }

  private expired(r: Pick<DraftRecord, 'expiresAt'>): boolean {
    return Date.parse(r.expiresAt) <= this.clock();
  }

  /** Ids of the pictures of these drafts. */
  private async imagesOf(db: HelperDatabase, draftIds: string[]): Promise<string[]> {
    const keys = await Promise.all(draftIds.map((id) => db.getAllKeysFromIndex('invoiceImages', 'byDraft', id)));
    return keys.flat();
  }

  /** Delete drafts (and, unless kept, their pictures) in one transaction. Inside the queue. */
  private async remove(ctx: VaultContext, draftIds: string[], keepImages = false): Promise<number> {
    const present = (ctx.records.drafts ?? []).filter((d) => draftIds.includes(d.id)).map((d) => d.id);
    const images = keepImages ? [] : await this.imagesOf(ctx.db, draftIds);
    if (!present.length && !images.length) return 0;
    await this.vault.commit(ctx, { drafts: { deletes: present }, invoiceImages: { deletes: images } });
    return present.length;
  }

  /** The draft of an application (null parts when there is none, or it expired — then it is deleted). */
  load(key: DraftKey, tabId?: number): Promise<LoadedDraft> {
    return this.vault.exclusive(async () => {
      const ctx = await this.vault.readContext(['drafts']);
      const session = await this.session(ctx.db);
      const id = draftIdOf(key);
      if (tabId !== undefined) await this.tabs.add(tabId, id);
      const record = ctx.records.drafts?.find((d) => d.id === id);
      const none: LoadedDraft = { session, locked: ctx.locked, form: null, invoices: [], updatedAt: null };
      if (!record) return none;
      if (this.expired(record)) {
        await this.remove(ctx, [id]);
        return none;
      }
      const content = await this.vault.contentOf('drafts', record, ctx.key);
      if (!content.ok) return none;
      const { form, invoices } = readContent(content.raw);
      return { session, locked: false, form: Object.keys(form).length ? form : null, invoices, updatedAt: record.updatedAt };
    });
  }

  private save(key: DraftKey, session: string, part: Partial<DraftContent>, tabId?: number): Promise<SaveOutcome> {
    return this.vault.exclusive(async () => {
      const ctx = await this.vault.readContext(['drafts']);
      if ((await this.session(ctx.db)) !== session) return { saved: false, reason: 'session-ended' };
      if (ctx.locked) return { saved: false, reason: 'locked' };
      const id = draftIdOf(key);
      if (tabId !== undefined) await this.tabs.add(tabId, id);
      const old = ctx.records.drafts?.find((d) => d.id === id);
      const oldContent = old && !this.expired(old) ? await this.vault.contentOf('drafts', old, ctx.key) : null;
      const content: DraftContent = { ...(oldContent?.ok ? readContent(oldContent.raw) : emptyContent()), ...part };
      // Pictures of invoices no longer in the draft go.
      const kept = new Set((content.invoices as StoredInvoice[]).map((i) => i.id));
      const images = (await this.imagesOf(ctx.db, [id])).filter((i) => !kept.has(i));
      if (Object.keys(content.form).length === 0 && content.invoices.length === 0) {
        await this.vault.commit(ctx, { drafts: { deletes: old ? [id] : [] }, invoiceImages: { deletes: images } });
        return { saved: true };
      }
      const now = this.clock();
      const days = (await this.settings()).draftDays;
      const record: DraftRecord = {
        id,
        item: key.item ?? '',
        claimant: key.claimant,
        application: key.application,
        createdAt: old && !this.expired(old) ? old.createdAt : new Date(now).toISOString(),
        updatedAt: new Date(now).toISOString(),
        expiresAt: new Date(now + days * DAY_MS).toISOString(),
      };
      await this.vault.commit(ctx, { drafts: { puts: [await this.vault.withContent('drafts', record, content, ctx.key)] }, invoiceImages: { deletes: images } });
      return { saved: true };
    });
  }

  /** Keep what the user typed in the form (the whole {field key → value} of the page, replacing the last). */
  async saveForm(key: DraftKey, session: string, form: FormValues, tabId?: number): Promise<SaveOutcome> {
    const values = zm.parse(formValuesSchema, form);
    const out = await this.save(key, session, { form: values }, tabId);
    // The tab's maintenance / 登录超时 page asks whether what was typed there is kept (`keptInTab`).
    if (out.saved && tabId !== undefined) {
      const id = draftIdOf(key);
      if (Object.keys(values).length) await this.tabs.setForm(tabId, id);
      else if ((await this.tabs.formOf(tabId)) === id) await this.tabs.setForm(tabId, null);
    }
    return out;
  }

  /**
   * Is what was typed in this tab's form kept (the draft it was saved to still exists and has not expired)?
   * Answers without opening the draft (also while locked): no values, only when it was last saved.
   */
  async keptInTab(tabId: number): Promise<{ kept: boolean; updatedAt: string | null; expiresAt: string | null }> {
    const none = { kept: false, updatedAt: null, expiresAt: null };
    const id = await this.tabs.formOf(tabId);
    if (!id) return none;
    return this.vault.exclusive(async () => {
      const ctx = await this.vault.readContext(['drafts']);
      const record = ctx.records.drafts?.find((d) => d.id === id);
      return record && !this.expired(record) ? { kept: true, updatedAt: record.updatedAt, expiresAt: record.expiresAt } : none;
    });
  }

  /** Keep the invoices read in the panel (the whole list, replacing the last). */
  saveInvoices(key: DraftKey, session: string, invoices: StoredInvoice[], tabId?: number): Promise<SaveOutcome> {
    return this.save(key, session, { invoices: storedInvoicesSchema.parse(invoices) }, tabId);
  }

  /**
   * The 报销人 (profile ids) with a draft of this item and application other than `key.claimant`: after a
   * reload the panel starts with its first person, and a draft kept for another one would otherwise stay
   * unseen. Ids only, read without opening any draft (also while locked).
   */
  otherClaimants(key: DraftKey): Promise<string[]> {
    return this.vault.exclusive(async () => {
      const ctx = await this.vault.readContext(['drafts']);
      const hits = (ctx.records.drafts ?? []).filter((d) => !this.expired(d) && d.item === (key.item ?? '') && d.application === key.application && d.claimant !== key.claimant);
      return [...new Set(hits.map((d) => d.claimant))];
    });
  }

  /** Forget the typed values of an application (the invoices stay). */
  async deleteForm(key: DraftKey, session: string, tabId?: number): Promise<boolean> {
    const out = await this.save(key, session, { form: {} });
    if (out.saved && tabId !== undefined && (await this.tabs.formOf(tabId)) === draftIdOf(key)) await this.tabs.setForm(tabId, null);
    return out.saved;
  }

  /** Forget an application's draft and its pictures. */
  delete(key: DraftKey): Promise<boolean> {
    return this.vault.exclusive(async () => (await this.remove(await this.vault.readContext(['drafts']), [draftIdOf(key)])) > 0);
  }

  /**
   * The portal confirmed the submission made in this tab: its drafts are done. Pictures stay only when
   * the user keeps them (「保留发票图片」).
   */
  async submitted(tabId: number): Promise<number> {
    const ids = await this.tabs.take(tabId);
    if (!ids.length) return 0;
    const keep = (await this.settings()).keepInvoiceImages;
    return this.vault.exclusive(async () => this.remove(await this.vault.readContext(['drafts']), ids, keep));
  }

  /** Delete every expired draft with its pictures (an abandoned application keeps nothing). */
  purgeExpired(): Promise<number> {
    return this.vault.exclusive(async () => {
      const ctx = await this.vault.readContext(['drafts']);
      return this.remove(ctx, (ctx.records.drafts ?? []).filter((d) => this.expired(d)).map((d) => d.id));
    });
  }

  // ------------------------------------------------------------------------------------------
  // Invoice pictures

  /** Keep a picture with its draft — only with 「保留发票图片」 on. */
  putImage(key: DraftKey, session: string, id: string, image: InvoiceImageContent): Promise<{ stored: boolean }> {
    return this.vault.exclusive(async () => {
      if (!(await this.settings()).keepInvoiceImages) return { stored: false };
      const ctx = await this.vault.readContext([]);
      if ((await this.session(ctx.db)) !== session || ctx.locked) return { stored: false };
      const record: InvoiceImageRecord = { id, draftId: draftIdOf(key), createdAt: new Date(this.clock()).toISOString() };
      await this.vault.commit(ctx, { invoiceImages: { puts: [await this.vault.withContent('invoiceImages', record, image, ctx.key)] } });
      return { stored: true };
    });
  }

  getImage(id: string): Promise<InvoiceImageContent | null> {
    return this.vault.exclusive(async () => {
      const ctx = await this.vault.readContext([]);
      const record = await ctx.db.get('invoiceImages', id);
      if (!record) return null;
      const content = await this.vault.contentOf('invoiceImages', record, ctx.key);
      return content.ok ? (content.raw as InvoiceImageContent) : null;
    });
  }

  deleteImage(id: string): Promise<void> {
    return this.vault.exclusive(async () => {
      const ctx = await this.vault.readContext([]);
      await this.vault.commit(ctx, { invoiceImages: { deletes: [id] } });
    });
  }
}
