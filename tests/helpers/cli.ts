import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './browser-host.ts';

/**
 * Runs `studio ARGS…` (bin/studio.js, which runs the build in .vite/cli that the tests' global setup
 * keeps up to date) as a user would, on the given data directory.
 */
export function runStudio(dataDir: string, args: string[], input?: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ['bin/studio.js', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, STUDIO_DATA_DIR: dataDir, ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
