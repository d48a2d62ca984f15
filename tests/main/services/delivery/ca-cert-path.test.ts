/**
 * Issue 8, item 4: `delivery.settings.update { caCertPath: "/dev/zero" }` froze the host while its
 * memory grew (readFileSync on the main thread), and a FIFO blocked it the same way. The CA file
 * is now read only if it is a regular file under 1 MiB, asynchronously; anything else is a typed
 * `ca_cert_invalid` and the settings stay as they were.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CA_BYTES } from '../../../../src/main/services/delivery/read-ca.ts';
import { useTestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2FzdHVkaW8=\n-----END CERTIFICATE-----\n';

describe('issue 8 item 4: the CA certificate path cannot freeze or exhaust the host', () => {
  const studio = useTestStudio();
  const temps: ReturnType<typeof makeTempDir>[] = [];
  afterEach(() => {
    for (const temp of temps.splice(0)) temp.remove();
  });
  const temp = () => {
    const made = makeTempDir('ca-');
    temps.push(made);
    return made.dir;
  };

  /** Refused with `problem` (a read that blocked would hang this test), the setting unchanged. */
  async function expectRefused(caCertPath: string, problem: string): Promise<void> {
    await expect(studio.call('delivery.settings.update', { caCertPath })).rejects.toMatchObject({
      code: 'ca_cert_invalid',
      details: expect.objectContaining({ problem }),
    });
    expect((await studio.call('delivery.settings.get', {})).caCertPath).toBe('');
  }

  it('/dev/zero is not a regular file', async () => {
    const before = process.memoryUsage().rss;
    await expectRefused('/dev/zero', 'not_regular_file');
    // Nothing was read: far less than the gigabytes the old read reached.
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  });

  it('a FIFO with no writer does not block', async () => {
    const fifo = path.join(temp(), 'ca.fifo');
    execFileSync('mkfifo', [fifo]);
    await expectRefused(fifo, 'not_regular_file');
    // The host still answers other requests.
    await expect(studio.call('delivery.settings.get', {})).resolves.toMatchObject({ caCertPath: '' });
  });

  it('a folder, a missing file, a file over 1 MiB and a file that is not PEM', async () => {
    const dir = temp();
    await expectRefused(dir, 'not_regular_file');
    await expectRefused(path.join(dir, 'missing.pem'), 'missing');
    const big = path.join(dir, 'big.pem');
    fs.writeFileSync(big, Buffer.concat([Buffer.from(PEM), Buffer.alloc(MAX_CA_BYTES, 0x41)]));
    await expectRefused(big, 'too_large');
    const notPem = path.join(dir, 'note.txt');
    fs.writeFileSync(notPem, 'not a certificate');
    await expectRefused(notPem, 'not_pem');
  });

  it('a symlink to /dev/zero is judged by its target', async () => {
    const link = path.join(temp(), 'ca.pem');
    fs.symlinkSync('/dev/zero', link);
    await expectRefused(link, 'not_regular_file');
  });

  it('a real PEM file is accepted and kept', async () => {
    const file = path.join(temp(), 'province-ca.pem');
    fs.writeFileSync(file, PEM);
    await expect(studio.call('delivery.settings.update', { caCertPath: file })).resolves.toMatchObject({ caCertPath: file });
  });
});
