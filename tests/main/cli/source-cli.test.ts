import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStudio } from '../../../src/main/studio.ts';
import { createToken } from '../../../src/source-server/db.ts';
import { startSourceServer } from '../../../src/source-server/server.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const REPO = path.resolve(import.meta.dirname, '../../..');

/** The real `studio` command, asynchronously: the reference server answers from this process meanwhile. */
function studio(dataDir: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(REPO, 'bin/studio.js'), ...args], { cwd: REPO, env: { ...process.env, STUDIO_DATA_DIR: dataDir } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('studio source configure', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('saves the address and the token from a file, and tests the connection against the reference server', async () => {
    const server = await startSourceServer({ dataDir: path.join(temp.dir, 'server'), log: () => undefined });
    try {
      const tokenFile = path.join(temp.dir, 'token.txt');
      fs.writeFileSync(tokenFile, `\n${createToken(server.db, 'Trung tâm huyện')}\n`);
      const dataDir = path.join(temp.dir, 'studio');
      const run = await studio(dataDir, 'source', 'configure', '--url', server.url, '--token-file', tokenFile, '--json');
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        settings: { serverUrl: server.url, hasToken: true },
        connection: { ok: true, account: 'Trung tâm huyện' },
      });
      const reopened = openStudio({ dataDir, transport: 'test' });
      try {
        const saved = await reopened.dispatch('delivery.settings.get', {}, { actor: 'test' });
        expect(saved).toMatchObject({ ok: true, result: { serverUrl: server.url, hasToken: true } });
      } finally {
        await reopened.close();
      }

      // An empty token file is refused in words, and nothing is saved over the working settings.
      const empty = path.join(temp.dir, 'empty.txt');
      fs.writeFileSync(empty, '\n');
      const refused = await studio(dataDir, 'source', 'configure', '--url', 'https://khac.example', '--token-file', empty);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`Tệp ${empty} không có token`);
      expect(refused.stderr).toContain(`The file ${empty} holds no token`);
    } finally {
      await server.close();
    }
  });
});
