/** `studio tts`, `studio voices`, `studio voice install` as a user runs them (spawned bin/studio.js). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TtsResult, Voice } from '../../../../src/shared/api/tts.ts';
import { writePiperVoice } from '../../../fixtures/voices/make-test-voices.ts';
import { runStudio } from '../../../helpers/cli.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const temp = makeTempDir('studio-tts-cli-');
afterAll(() => temp.remove());
const dataDir = path.join(temp.dir, 'data');

const rate = (file: string) =>
  execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=sample_rate', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim();

describe('studio tts / voices / voice install', () => {
  it('installs a pack, lists it as JSON, and speaks text and a file into WAVs', () => {
    const model = writePiperVoice(path.join(temp.dir, 'pack'), 'vi_VN-cli-x_low', { multiSpeaker: true });
    const install = runStudio(dataDir, ['voice', 'install', path.dirname(model), '--json']);
    expect(install.status, install.stderr).toBe(0);
    const installed = JSON.parse(install.stdout) as Voice;
    expect(installed.id).toBe('pack:vi_VN-cli-x_low');

    const list = runStudio(dataDir, ['voices', '--json']);
    expect(list.status, list.stderr).toBe(0);
    const voices = JSON.parse(list.stdout) as Voice[];
    expect(voices.map((v) => v.id)).toEqual(['builtin:vi', 'builtin:vi-vn-x-central', 'builtin:vi-vn-x-south', installed.id]);

    const out = path.join(temp.dir, 'text.wav');
    const spoken = runStudio(dataDir, ['tts', '--voice', 'builtin:vi', '--text', 'UBND xã thông báo ngày 18/9/2024.', '--out', out]);
    expect(spoken.status, spoken.stderr).toBe(0);
    expect(spoken.stdout.trim()).toBe(out);
    expect(rate(out)).toBe('48000');

    const script = path.join(temp.dir, 'script.txt');
    fs.writeFileSync(script, 'Xin chào bà con.\n\nHôm nay trời đẹp.');
    const fromFile = runStudio(dataDir, ['tts', '--voice', installed.id, '--speaker', '1', '--file', script, '--out', path.join(temp.dir, 'file.wav'), '--rate', '44100', '--json']);
    expect(fromFile.status, fromFile.stderr).toBe(0);
    const result = JSON.parse(fromFile.stdout) as TtsResult;
    expect(result.sentences).toBe(2);
    expect(rate(path.join(temp.dir, 'file.wav'))).toBe('44100');
  }, 120_000);

  it('explains what is wrong in Vietnamese and English, with exit code 1', () => {
    const neither = runStudio(dataDir, ['tts', '--voice', 'builtin:vi', '--out', path.join(temp.dir, 'x.wav')]);
    expect(neither.status).toBe(1);
    expect(neither.stderr).toMatch(/Lỗi: .*--text, --file hoặc --bulletin/);
    expect(neither.stderr).toMatch(/Error: /);
    const broken = runStudio(dataDir, ['voice', 'install', path.join(temp.dir, 'nothing.zip')]);
    expect(broken.status).toBe(1);
    // The code is put into words by the CLI's locale text; the service's own message is technical.
    expect(broken.stderr).toMatch(/Lỗi: Không tìm thấy/);
  }, 60_000);
});
