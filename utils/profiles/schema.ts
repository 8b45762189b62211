/**
 * The profile of one person (报销人 or 委托人), versioned, with migrations from older stored shapes.
 *
 * `profileSchema` checks the shape and the hard rules a profile must meet to be stored, using the
 * shared validators (utils/validate): their *errors* refuse a value (ID check digit, birth date,
 * 15-digit IDs, phone, bank account digits …); their warnings and notes (age, Luhn, an address outside
 * 松江区) are shown next to the field by the editor (`./validation.ts`) and never block saving.
 */
import { z } from 'zod';
import { t } from '@/utils/i18n';
import { idCheckDigit, validateBankAccount, validateIdNumber, validateName, validatePhone, validatePostcode, type FieldResult } from '@/utils/validate';

export const PROFILE_SCHEMA_VERSION = 1;

export const insuranceTypeSchema = z.enum(['employee', 'resident']);
export type InsuranceType = z.infer<typeof insuranceTypeSchema>;

/** The check digit of the first 17 digits (GB 11643; from the shared validators). */
export { idCheckDigit };

/** The birth date (YYYY-MM-DD) in an 18-character ID, or null when it is not a real date. */
export function idBirthDate(id: string): string | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(id);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * A string field checked by one of the shared validators (utils/validate): its errors refuse the
 * value (with the validator's plain-Chinese message), its warnings and notes do not; the stored value
 * is the validator's normalised one (so validating twice changes nothing).
 */
const validated = (fn: (v: unknown) => FieldResult) =>
  z.string().transform((s, ctx) => {
    const r = fn(s);
    for (const e of r.errors) ctx.addIssue({ code: 'custom', message: e.message });
    return r.value;
  });

const optionalValidated = (fn: (v: unknown) => FieldResult) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s.trim() === '') return undefined;
      const r = fn(s);
      for (const e of r.errors) ctx.addIssue({ code: 'custom', message: e.message });
      return r.value;
    });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s === '' ? undefined : s));

const requiredText = (max: number) => z.string().trim().min(1, { message: t('profilesErrRequired') }).max(max);

export const idNumberSchema = validated((v) => validateIdNumber(v));
export const phoneSchema = validated(validatePhone);
export const bankAccountSchema = validated(validateBankAccount);

export const profileSchema = z.object({
  id: z.string().min(1).max(64),
  displayName: optionalText(20),
  name: validated(validateName),
  idNumber: idNumberSchema,
  phone: phoneSchema,
  mailingAddress: requiredText(200),
  insuranceType: insuranceTypeSchema,
  bankName: requiredText(50),
  bankAccount: bankAccountSchema,
  bankAccountName: optionalText(50),
  deceased: z.boolean().optional(),
  relation: optionalText(20),
  postcode: optionalValidated(validatePostcode),
  notes: optionalText(500),
  isSelf: z.boolean().optional(),
  temporary: z.boolean().optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** A stored, valid profile. */
export type Profile = z.output<typeof profileSchema>;

/** What an editor sends: id and timestamps are filled in by the store for a new profile. */
export const profileInputSchema = profileSchema.extend({
  id: z.string().min(1).max(64).optional(),
  createdAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime().optional(),
});
export type ProfileInput = z.input<typeof profileInputSchema>;

/** The field order of a profile in exported files (stable, so a round trip is byte-identical). */
export const PROFILE_KEYS = [
  'id',
  'displayName',
  'name',
  'idNumber',
  'phone',
  'mailingAddress',
  'insuranceType',
  'bankName',
  'bankAccount',
  'bankAccountName',
  'deceased',
  'relation',
  'postcode',
  'notes',
  'isSelf',
  'temporary',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof Profile>;

export type ProfileField = (typeof PROFILE_KEYS)[number];

/** The same profile with keys in `PROFILE_KEYS` order and no undefined values. */
export function orderedProfile(p: Profile): Profile {
  const out: Record<string, unknown> = {};
  for (const k of PROFILE_KEYS) if (p[k] !== undefined) out[k] = p[k];
  return out as Profile;
}

/** `310117********1234`-style: enough to tell people apart, not enough to misuse. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

// ---------------------------------------------------------------------------------------------
// Migrations. Each entry upgrades a raw record of version N to version N + 1 (plain objects in,
// plain objects out); `migrateProfile` runs the chain and validates the result.

/**
 * Version 0: the prototype's shape (kept in the wild by early testers' exports and stores):
 * `{ name, idCard, phoneNumber, address, insurance: '职保' | '居保', bank, bankAccount, nickname?,
 *    accountName?, remark? }`, no id, no timestamps.
 */
export const legacyProfileV0Schema = z.object({
  id: z.string().optional(),
  nickname: z.string().optional(),
  name: z.string(),
  idCard: z.string(),
  phoneNumber: z.string(),
  address: z.string(),
  insurance: z.enum(['职保', '居保', 'employee', 'resident']),
  bank: z.string(),
  bankAccount: z.string(),
  accountName: z.string().optional(),
  remark: z.string().optional(),
});

export interface MigrationContext {
  now: () => string;
  newId: () => string;
}

const migrations: Record<number, (raw: unknown, ctx: MigrationContext) => Record<string, unknown>> = {
  0: (raw, ctx) => {
    const v0 = legacyProfileV0Schema.parse(raw);
    const now = ctx.now();
    return {
      id: v0.id || ctx.newId(),
      displayName: v0.nickname,
      name: v0.name,
      idNumber: v0.idCard,
      phone: v0.phoneNumber,
      mailingAddress: v0.address,
      insuranceType: v0.insurance === '职保' || v0.insurance === 'employee' ? 'employee' : 'resident',
      bankName: v0.bank,
      bankAccount: v0.bankAccount,
      bankAccountName: v0.accountName,
      notes: v0.remark,
      createdAt: now,
      updatedAt: now,
    };
  },
};

export const defaultMigrationContext: MigrationContext = {
  now: () => new Date().toISOString(),
  newId: () => crypto.randomUUID(),
};

/**
 * A stored profile as it is read back: the shape only, no validators. The values were validated when
 * they were saved; validating them again on every read would let today's date (an ID's birth date "in the
 * future" on a PC whose clock is wrong), or a rule changed in a later version, make stored people vanish.
 */
export const storedProfileSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().optional(),
  name: z.string().min(1),
  idNumber: z.string().min(1),
  phone: z.string(),
  mailingAddress: z.string(),
  insuranceType: insuranceTypeSchema,
  bankName: z.string(),
  bankAccount: z.string(),
  bankAccountName: z.string().optional(),
  deceased: z.boolean().optional(),
  relation: z.string().optional(),
  postcode: z.string().optional(),
  notes: z.string().optional(),
  isSelf: z.boolean().optional(),
  temporary: z.boolean().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Read a stored record's content (of schema version `fromVersion`) leniently: migrated, shape-checked (throws ZodError). */
export function readStoredProfile(raw: unknown, fromVersion: number, ctx: MigrationContext = defaultMigrationContext): Profile {
  let value: unknown = raw;
  if (Number.isInteger(fromVersion) && fromVersion >= 0) for (let v = fromVersion; v < PROFILE_SCHEMA_VERSION; v++) value = migrations[v]!(value, ctx);
  // Same keys and value types as `Profile` (whose optional texts are `string | undefined` after their transforms).
  return storedProfileSchema.parse(value) as Profile;
}

/** Upgrade a raw profile of `fromVersion` to the current version and validate it (throws ZodError). */
export function migrateProfile(raw: unknown, fromVersion: number, ctx: MigrationContext = defaultMigrationContext): Profile {
  if (!Number.isInteger(fromVersion) || fromVersion < 0 || fromVersion > PROFILE_SCHEMA_VERSION) {
    throw new Error(`Unknown profile schema version ${fromVersion}`);
  }
  let value: unknown = raw;
  for (let v = fromVersion; v < PROFILE_SCHEMA_VERSION; v++) value = migrations[v]!(value, ctx);
  return profileSchema.parse(value);
}
