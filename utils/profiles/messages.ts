/**
 * Messages of the profile store. The background owns the store (utils/profiles/handlers.ts);
 * extension pages (options, the in-page panel frame, popup) call these with `sendMessage`.
 * Content scripts get nothing from these handlers.
 *
 * Errors arrive as `MessageError` with a stable `code`:
 * `locked` (unlock first), `not-found`, `invalid-profile`, `import-invalid`, `wrong-passphrase`,
 * `weak-passphrase`, `no-passphrase`, `too-many-attempts`, `damaged`, `lock-changed` (try again).
 */
import { z } from 'zod';
import { defineMessage } from '@/utils/messaging';
import { insuranceTypeSchema, profileInputSchema, profileSchema } from './schema';
import { MAX_FILE_CHARS } from './import-export';

export const profileSummarySchema = z.object({
  id: z.string(),
  displayName: z.string().optional(),
  name: z.string(),
  insuranceType: insuranceTypeSchema,
  isSelf: z.boolean(),
  temporary: z.boolean(),
  deceased: z.boolean(),
  relation: z.string().optional(),
  /** `310117********1234` */
  maskedIdNumber: z.string(),
});
export type ProfileSummary = z.infer<typeof profileSummarySchema>;

export const lockStateSchema = z.object({
  /** A passphrase is set. */
  enabled: z.boolean(),
  /** Enabled and the key is not held: profiles cannot be read. */
  locked: z.boolean(),
  autoLockMinutes: z.number(),
});
export type LockState = z.infer<typeof lockStateSchema>;

const empty = z.object({}).optional();

/** A stored record that cannot be read (damaged, incomplete): set aside, named with a plain message. */
export const unreadableRecordSchema = z.object({ id: z.string(), message: z.string() });
export type UnreadableRecord = z.infer<typeof unreadableRecordSchema>;

/**
 * List everyone (summaries, sorted: 我自己 first, then by name). Empty `profiles` while locked.
 * `unreadable`: records set aside (the others are listed as usual); `deleteProfile` removes one.
 */
export const listProfiles = defineMessage(
  'profiles/list',
  empty,
  z.object({ lock: lockStateSchema, profiles: z.array(profileSummarySchema), unreadable: z.array(unreadableRecordSchema).default([]) }),
);

/** One profile's full values (extension pages only). */
export const getProfile = defineMessage('profiles/get', z.object({ id: z.string() }), z.object({ profile: profileSchema }));

/** Create (no id) or update a profile. A new profile is `temporary` in volunteer mode. */
export const saveProfile = defineMessage('profiles/save', z.object({ profile: profileInputSchema }), z.object({ profile: profileSchema }));

export const deleteProfile = defineMessage('profiles/delete', z.object({ id: z.string() }), z.object({ deleted: z.boolean() }));

export const importConflictSchema = z.object({
  /** 0-based index in the file. */
  index: z.number(),
  name: z.string(),
  maskedIdNumber: z.string(),
  existingId: z.string(),
  existingName: z.string(),
});
export type ImportConflict = z.infer<typeof importConflictSchema>;

/** The text of a profiles file (never longer than the import reads). */
const fileText = z.string().max(MAX_FILE_CHARS);

/**
 * Validate a file without storing anything; lists profiles whose idNumber already exists.
 * `ignoredKeys`: keys of the file the helper does not use (to be named to the user).
 */
export const previewImport = defineMessage(
  'profiles/import-preview',
  z.object({ text: fileText }),
  z.object({ count: z.number(), conflicts: z.array(importConflictSchema), ignoredKeys: z.array(z.string()).default([]) }),
);

export const conflictChoiceSchema = z.enum(['replace', 'keep-both']);
export type ConflictChoice = z.infer<typeof conflictChoiceSchema>;

/**
 * Import a file: all or nothing. `choices[index]` decides each conflict, `defaultChoice` the rest
 * (a conflict without any choice refuses the import with `import-invalid`).
 */
export const importProfiles = defineMessage(
  'profiles/import',
  z.object({
    text: fileText,
    choices: z.record(z.string(), conflictChoiceSchema).optional(),
    defaultChoice: conflictChoiceSchema.optional(),
  }),
  z.object({ added: z.number(), replaced: z.number(), ignoredKeys: z.array(z.string()).default([]) }),
);

/** The export file text (see docs/profiles.md) and a suggested file name; `unreadable` records set aside are not in it. */
export const exportProfiles = defineMessage('profiles/export', empty, z.object({ text: z.string(), filename: z.string(), unreadable: z.number().default(0) }));

export const getLockState = defineMessage('profiles/lock-state', empty, lockStateSchema);

export const unlock = defineMessage('profiles/unlock', z.object({ passphrase: z.string() }), lockStateSchema);

export const lockNow = defineMessage('profiles/lock', empty, lockStateSchema);

/** Set the first passphrase (`current` absent) or change it (`current` required). */
export const setPassphrase = defineMessage(
  'profiles/set-passphrase',
  z.object({ current: z.string().optional(), next: z.string() }),
  lockStateSchema,
);

/** Remove the lock: profiles are stored unencrypted again. */
export const removePassphrase = defineMessage('profiles/remove-passphrase', z.object({ current: z.string() }), lockStateSchema);

/** 结束本次服务 (volunteer mode): wipe temporary profiles, drafts, invoice images and session state. */
export const endSession = defineMessage(
  'profiles/end-session',
  empty,
  z.object({ profiles: z.number(), drafts: z.number(), invoiceImages: z.number() }),
);

/** Any extension page calls this on user activity to postpone the auto-lock. */
export const touchActivity = defineMessage('profiles/activity', empty, z.object({ locked: z.boolean() }));
