/**
 * `studio tts --bulletin ID` voices the bulletin's own script into its audio with the built-in
 * voice when no --voice is given; `studio bulletin submit|approve ID` move it through the workflow,
 * and approve is refused, worded in both languages, while the audio is stale.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/browser-host.ts';
import { openStudio } from '../../../src/main/studio.ts';
import { runStudio } from '../../helpers/cli.ts';
import { unwrappedCall } from '../../helpers/studio.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

/** Speech takes a while on a loaded machine: a wider limit than runStudio's. */
function runTts(dataDir: string, args: string[]) {
  const run = spawnSync(process.execPath, ['bin/studio.js', 'tts', ...args], { cwd: REPO_ROOT, env: { ...process.env, STUDIO_DATA_DIR: dataDir }, encoding: 'utf8', timeout: 300_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('studio tts --bulletin, studio bulletin submit|approve', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  afterAll(() => temp.remove());

  it('voices a bulletin with the default voice, refuses approval of stale audio, approves after regenerating', async () => {
    const created = runStudio(dataDir, ['bulletin', 'create', '--title', 'Tin thời tiết', '--script-file', '-', '--json'], 'Trời nắng, chiều có mưa rào.');
    expect(created.status, created.stderr).toBe(0);
    const id = JSON.parse(created.stdout).id as number;

    // No --voice: the built-in voice speaks.
    const voiced = runTts(dataDir, ['--bulletin', String(id), '--json']);
    expect(voiced.status, voiced.stderr).toBe(0);
    const first = JSON.parse(voiced.stdout);
    expect(first).toMatchObject({ bulletinId: id, assetId: expect.any(Number) });
    expect(JSON.parse(runStudio(dataDir, ['bulletin', 'show', String(id)]).stdout)).toMatchObject({ audioAssetId: first.assetId, audioOrigin: 'tts', audioStale: false });

    expect(runStudio(dataDir, ['bulletin', 'submit', String(id)]).stdout).toBe(`${id} submitted\n`);
    expect(runStudio(dataDir, ['bulletin', 'approve', String(id), '--approver', 'Trần Văn Hùng']).stdout).toBe(`${id} approved Trần Văn Hùng\n`);

    // The script is edited (in the screen; here in-process): the approval is gone and the audio is stale.
    const studio = openStudio({ dataDir, transport: 'test' });
    try {
      const edited = await unwrappedCall(studio, 'bulletin.update', { id, changes: { script: 'Trời nắng, tối có dông và gió giật mạnh.' } });
      expect(edited).toMatchObject({ status: 'draft', audioStale: true });
    } finally {
      await studio.close();
    }
    expect(runStudio(dataDir, ['bulletin', 'submit', String(id)]).status).toBe(0);
    const refused = runStudio(dataDir, ['bulletin', 'approve', String(id), '--approver', 'Trần Văn Hùng']);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/Lỗi: .*Tin thời tiết.*tạo lại giọng đọc/);
    expect(refused.stderr).toMatch(/Error: .*Tin thời tiết.*Regenerate/);
    expect(runStudio(dataDir, ['bulletin', 'approve', 'abc']).stderr).toMatch(/Lỗi: .*“abc” không phải là mã số/);

    // Voiced again from the edited script: approval goes through.
    const again = runTts(dataDir, ['--bulletin', String(id), '--json']);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).assetId).not.toBe(first.assetId);
    expect(runStudio(dataDir, ['bulletin', 'approve', String(id), '--approver', 'Trần Văn Hùng']).stdout).toBe(`${id} approved Trần Văn Hùng\n`);
  }, 600_000);
});
