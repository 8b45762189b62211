/**
 * The profiles file: `{"format":"zwdt-reimburse-helper/profiles","version":1,"profiles":[…]}`.
 *
 * - Written with a stable key order, 2-space indentation and a trailing newline, profiles sorted by
 *   `createdAt` then `id`: export → import → export gives back the same bytes.
 * - Parsing validates EVERYTHING before anything is stored; every problem is reported naming the
 *   profile (1-based position and name) and the field, in plain Chinese. Only what a person must
 *   supply can fail a file: the helper's bookkeeping (id, timestamps) is filled in.
 */
import { z } from 'zod';
import { t } from '@/utils/i18n';
import { orderedProfile, profileSchema, PROFILE_KEYS, type Profile, type ProfileField } from './schema';
import { readFilePerson, type FilePersonContext } from './file-person';

export const EXPORT_FORMAT = 'zwdt-reimburse-helper/profiles';
export const EXPORT_VERSION = 1;

export function sortProfiles(profiles: Profile[]): Profile[] {
  return [...profiles].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function serializeProfiles(profiles: Profile[]): string {
  const file = { format: EXPORT_FORMAT, version: EXPORT_VERSION, profiles: sortProfiles(profiles).map(orderedProfile) };
  return JSON.stringify(file, null, 2) + '\n';
}

export function exportFilename(date = new Date()): string {
  const d = date.toISOString().slice(0, 10);
  return `报销人资料-${d}.json`;
}

export type ImportErrorCode = 'empty' | 'json' | 'format' | 'version' | 'shape' | 'profile' | 'self';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly index?: number,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Chinese label of a profile field, for messages. */
export function fieldLabel(field: string): string {
  const key = `profilesField_${field}`;
  const label = t(key);
  return label === key ? field : label;
}

/** Largest file read at all (checked on the file's size before it is read, and on the text). */
export const MAX_FILE_BYTES = 5_000_000;
export const MAX_FILE_CHARS = 5_000_000;
const MAX_LISTED_PROBLEMS = 5;
/** File versions this helper reads: 0 (the prototype's export) and 1. */
const READABLE_VERSIONS = [0, 1];

/** What a profiles file gave: valid people (bookkeeping filled in) and the keys nobody uses, to name to the user. */
export interface ParsedProfilesFile {
  profiles: Profile[];
  /** Keys of the file (top level or of a person) that were ignored, in first-seen order. */
  ignoredKeys: string[];
}

const defaultContext: FilePersonContext = { now: () => new Date().toISOString(), newId: () => crypto.randomUUID() };

function fileVersion(v: unknown): number | undefined | null {
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

/**
 * Parse and validate a whole file; throws `ImportError` listing every problem, stores nothing.
 * Accepts the documented file, the same without `format` / `version`, a bare list of people (a
 * spreadsheet saved as JSON) and the prototype's version 0; see `./file-person.ts` for one person.
 */
export function parseProfilesFile(text: string, ctx: FilePersonContext = defaultContext): ParsedProfilesFile {
  if (text.trim() === '') throw new ImportError('empty', t('profilesImportErrEmpty'));
  if (text.length > MAX_FILE_CHARS) throw new ImportError('shape', t('profilesImportErrTooLarge'));
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ImportError('json', t('profilesImportErrJson'));
  }
  const ignored = new Set<string>();
  let list: unknown;
  if (Array.isArray(raw)) list = raw;
  else {
    if (typeof raw !== 'object' || raw === null) throw new ImportError('format', t('profilesImportErrFormat'));
    const file = raw as Record<string, unknown>;
    if (file.format !== undefined && file.format !== EXPORT_FORMAT) throw new ImportError('format', t('profilesImportErrFormat'));
    if (file.format === undefined && !Array.isArray(file.profiles)) throw new ImportError('format', t('profilesImportErrFormat'));
    const version = fileVersion(file.version);
    if (version !== undefined && (version === null || !READABLE_VERSIONS.includes(version))) {
      throw new ImportError('version', t('profilesImportErrVersion', String(file.version), EXPORT_VERSION));
    }
    if (!Array.isArray(file.profiles)) throw new ImportError('shape', t('profilesImportErrShape'));
    for (const k of Object.keys(file)) if (k !== 'format' && k !== 'version' && k !== 'profiles') ignored.add(k);
    list = file.profiles;
  }

  const out: Profile[] = [];
  const ids = new Set<string>();
  let selfCount = 0;
  /** Every problem of every person, so a file can be fixed in one go. */
  const problems: Array<{ index: number; field: string; text: string }> = [];
  (list as unknown[]).forEach((item, index) => {
    const person = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : null;
    if (!person) {
      problems.push({ index, field: '', text: t('profilesImportErrNotObject', t('profilesImportWhoNoName', index + 1)) });
      return;
    }
    const { input, ignoredKeys, problems: refused } = readFilePerson(person, ctx);
    for (const k of ignoredKeys) ignored.add(k);
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    const who = name ? t('profilesImportWho', index + 1, name) : t('profilesImportWhoNoName', index + 1);
    const seen = new Set<string>();
    for (const r of refused) {
      seen.add(r.field);
      problems.push({ index, field: r.field, text: t('profilesImportErrProfile', who, fieldLabel(r.field), t('profilesImportErrRounded')) });
    }
    const parsed = profileSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (seen.has(field)) continue;
        seen.add(field);
        const missing = input[field] === undefined;
        const reason = missing ? t('profilesImportErrMissing') : issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_format' ? t('profilesImportErrBadValue') : issue.message;
        problems.push({ index, field, text: t('profilesImportErrProfile', who, fieldLabel(field), reason) });
      }
    }
    if (!parsed.success || refused.length) return;
    let profile = parsed.data;
    // The id is bookkeeping: a repeated one (a copied block) gets a new id instead of refusing the file.
    if (ids.has(profile.id)) profile = { ...profile, id: ctx.newId() };
    ids.add(profile.id);
    if (profile.isSelf) selfCount++;
    out.push(profile);
  });
  if (problems.length) {
    const shown = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => p.text);
    if (problems.length > MAX_LISTED_PROBLEMS) shown.push(t('profilesImportErrMore', problems.length - MAX_LISTED_PROBLEMS));
    shown.push(t('profilesImportErrNothing'));
    const first = problems[0]!;
    throw new ImportError('profile', shown.join('\n'), first.index, first.field || undefined);
  }
  if (selfCount > 1) throw new ImportError('self', t('profilesImportErrSelf'));
  return { profiles: out, ignoredKeys: [...ignored] };
}

/**
 * The text of a chosen file, its size checked BEFORE it is read (a wrong pick — a video, a disk image —
 * is refused at once instead of being read whole into memory). Throws `ImportError` in plain words.
 */
export async function readProfilesFileText(file: Pick<Blob, 'size' | 'text'>): Promise<string> {
  if (file.size > MAX_FILE_BYTES) throw new ImportError('shape', t('profilesImportErrTooLarge'));
  try {
    return await file.text();
  } catch {
    throw new ImportError('json', t('profilesImportErrUnreadable'));
  }
}

/** The result line of an import: counts, and the keys of the file that were not used (named, not hidden). */
export function importSummary(r: { added: number; replaced: number; ignoredKeys?: string[] }): string {
  const base = t('profilesImported', r.added, r.replaced);
  return r.ignoredKeys?.length ? `${base}${t('profilesImportIgnored', r.ignoredKeys.map((k) => `「${k}」`).join('、'))}` : base;
}

export const PROFILE_FIELDS: readonly ProfileField[] = PROFILE_KEYS;

/** Schema of the file, for documentation and other tools. */
export const profilesFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  profiles: z.array(profileSchema),
});
