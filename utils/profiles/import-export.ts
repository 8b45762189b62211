/**
 * The profiles file: `{"format":"zwdt-reimburse-helper/profiles","version":1,"profiles":[…]}`.
 *
 * - Written with a stable key order, 2-space indentation and a trailing newline, profiles sorted by
 *   `createdAt` then `id`: export → import → export gives back the same bytes.
 * - Parsing validates EVERYTHING before anything is stored; the first problem is reported naming the
 *   profile (1-based position and name) and the field, in plain Chinese.
 */
import { z } from 'zod';
import { t } from '@/utils/i18n';
import { orderedProfile, profileSchema, PROFILE_KEYS, type Profile, type ProfileField } from './schema';

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

export type ImportErrorCode = 'empty' | 'json' | 'format' | 'version' | 'shape' | 'profile' | 'duplicate-id' | 'self';

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

const MAX_FILE_CHARS = 5_000_000;
const MAX_LISTED_PROBLEMS = 5;

/** Parse and validate a whole file; throws `ImportError` on the first problem, stores nothing. */
export function parseProfilesFile(text: string): Profile[] {
  if (text.trim() === '') throw new ImportError('empty', t('profilesImportErrEmpty'));
  if (text.length > MAX_FILE_CHARS) throw new ImportError('shape', t('profilesImportErrTooLarge'));
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ImportError('json', t('profilesImportErrJson'));
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ImportError('format', t('profilesImportErrFormat'));
  const file = raw as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT) throw new ImportError('format', t('profilesImportErrFormat'));
  if (file.version !== EXPORT_VERSION) {
    throw new ImportError('version', t('profilesImportErrVersion', String(file.version), EXPORT_VERSION));
  }
  if (!Array.isArray(file.profiles)) throw new ImportError('shape', t('profilesImportErrShape'));

  const out: Profile[] = [];
  const ids = new Set<string>();
  let selfCount = 0;
  /** Every problem of every person, so a file can be fixed in one go. */
  const problems: Array<{ index: number; field: string; text: string }> = [];
  file.profiles.forEach((item, index) => {
    const name = typeof item === 'object' && item !== null && typeof (item as { name?: unknown }).name === 'string' ? (item as { name: string }).name : '';
    const who = name ? t('profilesImportWho', index + 1, name) : t('profilesImportWhoNoName', index + 1);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ index, field: '', text: t('profilesImportErrNotObject', who) });
      return;
    }
    const parsed = profileSchema.safeParse(item);
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (seen.has(field)) continue;
        seen.add(field);
        const missing = issue.code === 'invalid_type' && (item as Record<string, unknown>)[field] === undefined;
        const reason = missing ? t('profilesImportErrMissing') : issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_format' ? t('profilesImportErrBadValue') : issue.message;
        problems.push({ index, field, text: t('profilesImportErrProfile', who, fieldLabel(field), reason) });
      }
      return;
    }
    if (ids.has(parsed.data.id)) problems.push({ index, field: 'id', text: t('profilesImportErrDuplicateId', who) });
    ids.add(parsed.data.id);
    if (parsed.data.isSelf) selfCount++;
    out.push(parsed.data);
  });
  if (problems.length) {
    const shown = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => p.text);
    if (problems.length > MAX_LISTED_PROBLEMS) shown.push(t('profilesImportErrMore', problems.length - MAX_LISTED_PROBLEMS));
    shown.push(t('profilesImportErrNothing'));
    const first = problems[0]!;
    throw new ImportError(first.field === 'id' ? 'duplicate-id' : 'profile', shown.join('\n'), first.index, first.field || undefined);
  }
  if (selfCount > 1) throw new ImportError('self', t('profilesImportErrSelf'));
  return out;
}

export const PROFILE_FIELDS: readonly ProfileField[] = PROFILE_KEYS;

/** Schema of the file, for documentation and other tools. */
export const profilesFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  profiles: z.array(profileSchema),
});
