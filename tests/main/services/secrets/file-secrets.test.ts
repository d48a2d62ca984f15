import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fileSecretStore, SECRETS_FILE } from '../../../../src/main/services/secrets/file-secrets.ts';
import { createNodePlatform } from '../../../../src/main/platform.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('studio-secrets-');
});
afterEach(() => temp.remove());

it('keeps secrets in a file only the user can read, and forgets them on delete', () => {
  const store = fileSecretStore(temp.dir);
  expect(store.get('delivery.source.token')).toBeNull();
  store.set('delivery.source.token', 'src_secret-value-1');
  store.set('other', 'x');
  const file = path.join(temp.dir, SECRETS_FILE);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  expect(fileSecretStore(temp.dir).get('delivery.source.token')).toBe('src_secret-value-1');
  store.delete('delivery.source.token');
  expect(store.get('delivery.source.token')).toBeNull();
  expect(store.get('other')).toBe('x');
  expect(fs.readdirSync(temp.dir)).toEqual([SECRETS_FILE]);
});

it('treats a damaged secrets file as empty instead of failing', () => {
  fs.writeFileSync(path.join(temp.dir, SECRETS_FILE), '{not json', { mode: 0o600 });
  const platform = createNodePlatform(temp.dir);
  expect(platform.secrets!.get('anything')).toBeNull();
  platform.secrets!.set('k', 'v');
  expect(platform.secrets!.get('k')).toBe('v');
});
