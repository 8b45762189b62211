/**
 * Passphrase lock primitives (WebCrypto only).
 *
 * - Key: PBKDF2-SHA256 over the passphrase with a random 16-byte salt, ≥ 600,000 iterations
 *   (OWASP 2023 guidance for PBKDF2-HMAC-SHA256), giving an AES-GCM 256-bit key.
 * - Each record: AES-GCM with a fresh random 12-byte IV; the record id is bound as additional data,
 *   so a sealed record copied onto another id does not open.
 * - A verifier (a known constant sealed with the key) tells a wrong passphrase apart before
 *   anything is decrypted or written: a wrong passphrase never touches stored data.
 */
import type { SealedBox } from '@/utils/db';

export const PBKDF2_ITERATIONS = 600_000;
/** Never accept a stored iteration count below this (a tampered meta record). */
export const MIN_PBKDF2_ITERATIONS = 600_000;
const VERIFIER_PLAINTEXT = 'zwdt-reimburse-helper/verifier/v1';
const VERIFIER_AAD = 'verifier';

export interface LockMeta {
  version: 1;
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  salt: Uint8Array;
  verifier: SealedBox;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** Derive the AES-GCM key. Extractable, so the background can keep it in `storage.session`. */
export async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', enc.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
}

export async function exportKey(key: CryptoKey): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export async function importKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(raw), { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** Seal a JSON value; `aad` (e.g. the record id) must be given again to open it. */
export async function seal(key: CryptoKey, value: unknown, aad: string): Promise<SealedBox> {
  const iv = randomBytes(12);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(aad) }, key, enc.encode(JSON.stringify(value)));
  return { iv, data };
}

export class DecryptError extends Error {
  constructor() {
    super('Decryption failed (wrong key or damaged record)');
    this.name = 'DecryptError';
  }
}

export async function open(key: CryptoKey, box: SealedBox, aad: string): Promise<unknown> {
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(box.iv), additionalData: enc.encode(aad) }, key, box.data);
  } catch {
    throw new DecryptError();
  }
  return JSON.parse(dec.decode(plain));
}

/** A new lock: fresh salt, key and verifier. */
export async function createLock(passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<{ key: CryptoKey; meta: LockMeta }> {
  const salt = randomBytes(16);
  const key = await deriveKey(passphrase, salt, iterations);
  const verifier = await seal(key, VERIFIER_PLAINTEXT, VERIFIER_AAD);
  return { key, meta: { version: 1, kdf: 'PBKDF2-SHA256', iterations, salt, verifier } };
}

/** The key for `passphrase`, or null when the passphrase is wrong. */
export async function unlockWith(passphrase: string, meta: LockMeta, minIterations = MIN_PBKDF2_ITERATIONS): Promise<CryptoKey | null> {
  if (meta.iterations < minIterations) throw new Error('Lock record has too few PBKDF2 iterations');
  const key = await deriveKey(passphrase, meta.salt, meta.iterations);
  return (await verifyKey(key, meta)) ? key : null;
}

export async function verifyKey(key: CryptoKey, meta: LockMeta): Promise<boolean> {
  try {
    return (await open(key, meta.verifier, VERIFIER_AAD)) === VERIFIER_PLAINTEXT;
  } catch {
    return false;
  }
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
