/**
 * The plain-Node secret store (bridge, CLI, tests): one JSON file in the data directory that
 * only the user can read (0600), written to a temporary name and renamed into place. The
 * Electron shell uses safeStorage instead. Values are never logged.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../../platform.ts';

export const SECRETS_FILE = 'secrets.json';

export function fileSecretStore(dataDir: string): SecretStore {
  const file = path.join(dataDir, SECRETS_FILE);
  const read = (): Record<string, string> => {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const write = (values: Record<string, string>) => {
    fs.mkdirSync(dataDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(values), { mode: 0o600 });
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, file);
  };
  return {
    get: (key) => read()[key] ?? null,
    set(key, value) {
      write({ ...read(), [key]: value });
    },
    delete(key) {
      const values = read();
      if (!(key in values)) return;
      delete values[key];
      write(values);
    },
  };
}
