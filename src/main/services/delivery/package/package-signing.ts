/**
 * Package signatures (issue 8): the seal only shows a manifest was not edited by accident; anyone
 * can write a package that says "approved by X" and seal it. So each studio has its own Ed25519
 * key, made at first use, and signs the seal of every package it writes. An import keeps the
 * package's approval only when the signature verifies with a key this studio trusts (its own, or
 * one the province configured in Settings); otherwise the bulletin lands as submitted.
 *
 * The private key lives in the data folder (keys/package-signing.pem, mode 0600), next to the
 * library it speaks for: a backup restored on a new PC keeps signing as the same centre.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../../shared/errors.ts';

export const SIGNING_KEY_FILE = path.join('keys', 'package-signing.pem');

/** How an imported package's approval was judged. */
export type SignatureState = 'trusted' | 'untrusted' | 'unsigned';

export interface PackageSignature {
  algorithm: 'ed25519';
  /** The signer's public key: SPKI DER, base64. */
  publicKey: string;
  /** Ed25519 signature of the seal (its 64 hex characters as ASCII), base64. */
  value: string;
}

export interface SigningKey {
  privateKey: crypto.KeyObject;
  /** SPKI DER, base64: what another studio adds to its trusted keys. */
  publicKey: string;
}

/** Normalises a public key given as base64 SPKI DER or as a PEM block; null when it is not an Ed25519 key. */
export function normalisePublicKey(text: string): string | null {
  try {
    const trimmed = text.trim();
    const key = trimmed.startsWith('-----BEGIN')
      ? crypto.createPublicKey(trimmed)
      : crypto.createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return null;
    return key.export({ format: 'der', type: 'spki' }).toString('base64');
  } catch {
    return null;
  }
}

/** A short, readable fingerprint of a public key for screens and logs. */
export function keyId(publicKey: string): string {
  return crypto.createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);
}

/** This studio's signing key, made (once, atomically) the first time it is needed. */
export function loadOrCreateSigningKey(dataDir: string): SigningKey {
  const file = path.join(dataDir, SIGNING_KEY_FILE);
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new StudioError('io_error', `${SIGNING_KEY_FILE}: ${(error as Error).message}`, {
        reason: 'package_signing_key_unreadable',
        file: SIGNING_KEY_FILE,
        error: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
      });
    pem = createKeyFile(file);
  }
  const privateKey = crypto.createPrivateKey(pem);
  const publicKey = crypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64');
  return { privateKey, publicKey };
}

/** Writes a new private key to `file` (0600) and returns it; if another process won the race, its key. */
function createKeyFile(file: string): string {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(temp, pem, { mode: 0o600 });
    try {
      // link, not rename: if another process made its key meanwhile, that one wins and is read back.
      fs.linkSync(temp, file);
      return pem;
    } catch (linkError) {
      if ((linkError as NodeJS.ErrnoException).code !== 'EEXIST') throw linkError;
      return fs.readFileSync(file, 'utf8');
    }
  } catch (error) {
    // A read-only data folder, a full disk: say which file, as a typed error.
    throw new StudioError('io_error', `${SIGNING_KEY_FILE}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      reason: 'package_signing_key_unreadable',
      file: SIGNING_KEY_FILE,
      error: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
    });
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

export function signSeal(seal: string, key: SigningKey): PackageSignature {
  return { algorithm: 'ed25519', publicKey: key.publicKey, value: crypto.sign(null, Buffer.from(seal, 'ascii'), key.privateKey).toString('base64') };
}

/**
 * Judges a package's signature against the trusted keys. A signature that is present but does not
 * verify is a forgery or damage: the package is refused, not merely demoted.
 */
export function judgeSignature(seal: string, signature: PackageSignature | undefined, trusted: readonly string[]): SignatureState {
  if (!signature) return 'unsigned';
  const publicKey = normalisePublicKey(signature.publicKey);
  let valid = false;
  try {
    valid =
      publicKey !== null &&
      crypto.verify(null, Buffer.from(seal, 'ascii'), { key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' }, Buffer.from(signature.value, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) {
    throw new StudioError('package_rejected', 'manifest.json: signature does not verify', { reason: 'package_signature_invalid', file: 'manifest.json', problem: 'bad_signature' });
  }
  return trusted.includes(publicKey!) ? 'trusted' : 'untrusted';
}
