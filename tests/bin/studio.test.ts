import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/browser-host.ts';
import { runStudio } from '../helpers/cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/**
 * `studio` runs the JavaScript built into .vite/cli (scripts/build-cli.mjs, made by `npm run setup`
 * and kept current by the tests' global setup), not the TypeScript sources: every module that the
 * command and the job processes it starts load is recorded, and none is a .ts file or tsx.
 */
describe('the studio command runs its build', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('speaks a sentence with the built-in voice in a job process loaded from .vite/cli', () => {
    const log = path.join(temp.dir, 'modules.log');
    const out = path.join(temp.dir, 'hello.wav');
    const hook = path.join(import.meta.dirname, 'record-modules.mjs');
    const run = runStudio(path.join(temp.dir, 'data'), ['tts', '--voice', 'builtin:vi', '--text', 'Xin chào bà con.', '--out', out, '--json'], undefined, {
      NODE_OPTIONS: `--import=${hook}`,
      STUDIO_TEST_MODULE_LOG: log,
    });
    expect(run.stderr).not.toContain('Error');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ file: out, sampleRate: expect.any(Number) });
    expect(fs.statSync(out).size).toBeGreaterThan(10_000);

    const loaded = fs.readFileSync(log, 'utf8').trim().split('\n').map((line) => {
      const [pid, url] = line.split(' ');
      return { pid, file: new URL(url!).pathname };
    });
    const built = path.join(REPO_ROOT, '.vite', 'cli');
    const ours = loaded.filter((m) => !m.file.includes('/node_modules/') && !m.file.startsWith(import.meta.dirname));
    // The command itself, and a job process started from the build's bootstrap, in another process.
    expect(ours.map((m) => m.file)).toContain(path.join(built, 'cli.js'));
    const job = ours.find((m) => m.file === path.join(built, 'process-bootstrap.js'));
    expect(job).toBeDefined();
    expect(job!.pid).not.toBe(ours.find((m) => m.file.endsWith('/cli.js'))!.pid);
    // Nothing of ours outside the build (bin/studio.js aside), no TypeScript, no tsx.
    expect(ours.filter((m) => !m.file.startsWith(`${built}/`) && m.file !== path.join(REPO_ROOT, 'bin', 'studio.js'))).toEqual([]);
    expect(loaded.filter((m) => /\.[mc]?ts$/.test(m.file) || m.file.includes('/node_modules/tsx/'))).toEqual([]);
  });
});
