import { app, safeStorage } from 'electron';
import { type Platform, type SecretStore, resolveDataDir } from '../platform.ts';
import { fileSecretStore } from '../services/secrets/index.ts';
import { electronDialogs } from './native-dialogs.ts';
import { utilityChild } from './utility-child.ts';

/**
 * Secrets encrypted with the operating system's key store (DPAPI on Windows, Keychain on macOS)
 * before they reach the 0600 file. Where the OS offers none (a Linux without a keyring) the plain
 * file store is all there is, as in browser mode.
 */
function safeStorageSecrets(dataDir: string): SecretStore {
  const file = fileSecretStore(dataDir);
  if (!safeStorage.isEncryptionAvailable()) return file;
  return {
    get(key) {
      const stored = file.get(key);
      if (stored === null) return null;
      try {
        return safeStorage.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        return null; // Encrypted for another user or machine: as good as absent.
      }
    },
    set: (key, value) => file.set(key, safeStorage.encryptString(value).toString('base64')),
    delete: (key) => file.delete(key),
  };
}

/**
 * What only Electron knows: the per-user data folder (%APPDATA%\Studio on Windows), safeStorage,
 * utility processes for child processes, and the native file and folder dialogs.
 */
export const electronPlatform: Platform = {
  defaultDataDir: () => app.getPath('userData'),
  launchChild: utilityChild,
  dialogs: electronDialogs,
  get secrets() {
    return safeStorageSecrets(resolveDataDir(electronPlatform));
  },
};
