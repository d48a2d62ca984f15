import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStudio } from '../../helpers/cli.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { makeRelease } from '../services/updates/release-fixture.ts';

const vi = { refusal: JSON.parse(fs.readFileSync(new URL('../../../src/shared/locales/update-refusals/vi.json', import.meta.url), 'utf8')) as Record<string, string> };

describe('studio update', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  afterAll(() => temp.remove());
  const release = makeRelease(path.join(temp.dir, 'out/make/nsis/x64'), '0.4.0', { name: 'Studio Setup 0.4.0.exe', notes: 'Đọc đúng số điện thoại.' });
  const usb = path.join(temp.dir, 'usb', 'cap-nhat');

  it('prepare-folder copies the release to a stick, verified', () => {
    const out = runStudio(dataDir, ['update', 'prepare-folder', '--installer', release.installer, '--out', usb, '--json']);
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ folder: usb, version: '0.4.0', files: ['Studio Setup 0.4.0.exe', 'Studio Setup 0.4.0.exe.blockmap', 'latest.yml'] });
    expect(fs.readFileSync(path.join(usb, 'Studio Setup 0.4.0.exe')).equals(fs.readFileSync(release.installer))).toBe(true);
  });

  it('check --from DIR says what would be installed, in words and as JSON', () => {
    const words = runStudio(dataDir, ['update', 'check', '--from', usb]);
    expect(words.status, words.stderr).toBe(0);
    expect(words.stdout).toContain('Có phiên bản mới / available: 0.4.0');
    expect(words.stdout).toContain('Đọc đúng số điện thoại.');
    const json = runStudio(dataDir, ['update', 'check', '--from', usb, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ currentVersion: '0.1.0', source: { kind: 'folder', path: usb }, available: { version: '0.4.0', installer: { file: 'Studio Setup 0.4.0.exe' } } });
  });

  it('check --from URL reads the server', async () => {
    const server = http.createServer((req, res) => {
      const file = path.join(release.dir, decodeURIComponent(new URL(req.url!, 'http://x').pathname.slice(1)));
      if (fs.existsSync(file)) res.end(fs.readFileSync(file));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      // Asynchronous: the server answers from this process while the CLI waits.
      const { spawn } = await import('node:child_process');
      const child = spawn(process.execPath, ['bin/studio.js', 'update', 'check', '--json', '--from', `http://127.0.0.1:${(server.address() as AddressInfo).port}`], {
        cwd: path.resolve(import.meta.dirname, '../../..'),
        env: { ...process.env, STUDIO_DATA_DIR: dataDir },
      });
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      const status = await new Promise((resolve) => child.on('exit', resolve));
      expect(status).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({ source: { kind: 'server' }, available: { version: '0.4.0', notes: 'Đọc đúng số điện thoại.' } });
    } finally {
      server.close();
    }
  });

  it('refuses a tampered stick and a downgrade with the reason in both languages, exit code 1', () => {
    const exe = path.join(usb, 'Studio Setup 0.4.0.exe');
    const bytes = fs.readFileSync(exe);
    bytes[777] = bytes[777]! ^ 0x80;
    fs.writeFileSync(exe, bytes);
    const tampered = runStudio(dataDir, ['update', 'check', '--from', usb]);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toContain(`Không cập nhật: ${vi.refusal.sha512_mismatch!.replace('{{file}}', 'Studio Setup 0.4.0.exe')}`);
    expect(tampered.stderr).toContain('Not updated: The sha512 checksum of Studio Setup 0.4.0.exe does not match');
    const json = runStudio(dataDir, ['update', 'check', '--from', usb, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'update_file_altered', details: { reason: 'sha512_mismatch' } } });

    const older = makeRelease(path.join(temp.dir, 'old'), '0.0.5');
    const downgrade = runStudio(dataDir, ['update', 'check', '--from', older.dir]);
    expect(downgrade.status).toBe(1);
    expect(downgrade.stderr).toContain('Phiên bản 0.0.5 cũ hơn phiên bản đang dùng (0.1.0)');
    expect(runStudio(dataDir, ['update', 'check', '--from', older.dir, '--allow-downgrade']).status).toBe(0);
  });

  it('prepare-folder refuses a release without its block map, and leaves no update on the stick', () => {
    fs.rmSync(release.blockmap);
    const out = path.join(temp.dir, 'usb2');
    const result = runStudio(dataDir, ['update', 'prepare-folder', '--installer', release.installer, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Thiếu tệp Studio Setup 0.4.0.exe.blockmap');
    expect(fs.existsSync(path.join(out, 'latest.yml'))).toBe(false);
  });
});
