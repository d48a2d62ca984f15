/**
 * Issue 8, item 9: a USB package's seal is not a signature, yet an imported package's approval was
 * trusted — a hand-made package imported as approved, emergency, approved by anyone. Packages are
 * now signed with each studio's Ed25519 key; an import keeps its approval only when a trusted key
 * signed it. Unsigned or untrusted packages land as submitted; a signature that does not verify
 * refuses the package.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealOf } from '../../../../../src/main/services/delivery/package/manifest.ts';
import { PackageConnector } from '../../../../../src/main/services/delivery/package/package-connector.ts';
import { SIGNING_KEY_FILE } from '../../../../../src/main/services/delivery/package/package-signing.ts';
import type { Bulletin } from '../../../../../src/shared/api/library-types.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';
import { makeApprovedBulletin, payloadFor, sendContext, useSuiteStudio } from './fixtures.ts';

const manifestPath = (dir: string) => path.join(dir, 'manifest.json');
const readManifest = (dir: string) => JSON.parse(fs.readFileSync(manifestPath(dir), 'utf8'));
/** Edits and re-seals, keeping or dropping the signature, as a forger who knows the format would. */
function forge(dir: string, edit: (manifest: Record<string, any>) => void, keepSignature: boolean): void {
  const manifest = readManifest(dir);
  edit(manifest);
  const { signature, ...rest } = manifest;
  fs.writeFileSync(manifestPath(dir), JSON.stringify({ ...rest, seal: sealOf(rest), ...(keepSignature ? { signature } : {}) }, null, 2));
}

describe('issue 8 item 9: an imported package cannot grant approval it was not given', () => {
  const sender = useSuiteStudio();
  const receiver = useSuiteStudio();
  const usb = makeTempDir('studio-usb-');
  let original = '';
  let sent: Bulletin;
  let n = 0;

  beforeAll(async () => {
    sent = await makeApprovedBulletin(sender);
    const { dataDir, version, library } = sender.services;
    const connector = new PackageConnector({ dataDir, version, library }, path.join(usb.dir, 'original'));
    original = (await connector.send(payloadFor(sender, sent, 'outbox-item-0777'), sendContext().ctx)).remoteId;
  });
  afterAll(() => usb.remove());

  /** A copy of the original package with a fresh package id (each import must be a new package). */
  function copy(edit?: (manifest: Record<string, any>) => void, keepSignature = false): string {
    const dir = path.join(fs.mkdtempSync(path.join(usb.dir, 'case-')), path.basename(original));
    fs.cpSync(original, dir, { recursive: true });
    n += 1;
    if (edit || !keepSignature) forge(dir, (m) => ((m.packageId = `forged-package-${n}`), edit?.(m)), keepSignature);
    return dir;
  }

  async function importResult(dir: string) {
    const job = await receiver.call('package.import', { path: dir });
    return receiver.services.jobs.wait(job.id);
  }

  it('the sender signs with its own key, kept private in the data folder', () => {
    const manifest = readManifest(original);
    expect(manifest.signature).toMatchObject({ algorithm: 'ed25519', publicKey: expect.any(String), value: expect.any(String) });
    const keyFile = path.join(sender.dataDir, SIGNING_KEY_FILE);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(keyFile, 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
  });

  it('a hand-made, unsigned package saying "approved, emergency" imports as submitted, approved by no one', async () => {
    const dir = copy((m) => {
      m.bulletin.priority = 'emergency';
      m.bulletin.status = 'approved';
      m.bulletin.approver = 'Ai đó';
    });
    expect(await receiver.call('package.inspect', { path: dir })).toMatchObject({ signature: 'unsigned', signerKeyId: null, status: 'approved' });
    const done = await importResult(dir);
    expect(done.error).toBeUndefined();
    expect(done.result).toMatchObject({ signature: 'unsigned', bulletin: { status: 'submitted', approver: null, approvedAt: null, priority: 'emergency' } });
    // Not approved, so it cannot be queued for delivery until someone here approves it.
    const id = (done.result as { bulletin: { id: number } }).bulletin.id;
    await expect(receiver.call('delivery.enqueue', { bulletinId: id, to: 'package', dest: path.join(usb.dir, 'out') })).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('a package signed by a studio this one does not trust imports as submitted', async () => {
    // An untouched copy: the sender's signature verifies, but the receiver does not know the key.
    const dir = copy(undefined, true);
    expect(await receiver.call('package.inspect', { path: dir })).toMatchObject({ signature: 'untrusted', signerKeyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const done = await importResult(dir);
    expect(done.result).toMatchObject({ signature: 'untrusted', bulletin: { status: 'submitted', approver: null } });
    expect(receiver.services.db.prepare('SELECT signature FROM package_imports WHERE package_id = ?').pluck().get('outbox-item-0777')).toBe('untrusted');
  });

  it('a signed package edited and re-sealed keeps a signature that no longer verifies: refused whole', async () => {
    const dir = copy((m) => (m.bulletin.approver = 'Kẻ giả mạo'), true);
    expect(await receiver.call('package.inspect', { path: dir })).toMatchObject({ signature: 'invalid' });
    const done = await importResult(dir);
    expect(done.state).toBe('failed');
    expect(done.error).toMatchObject({ code: 'package_rejected', message: expect.stringMatching(/signature does not verify/) });
    expect(receiver.services.db.prepare('SELECT COUNT(*) FROM package_imports WHERE package_id = ?').pluck().get(`forged-package-${n}`)).toBe(0);
  });

  it('once the sender key is trusted, its package keeps the approval it was sent with', async () => {
    const senderKey = (await sender.call('delivery.settings.get', {})).packageSigningKey;
    await expect(receiver.call('delivery.settings.update', { trustedPackageKeys: ['not a key at all, really'] })).rejects.toMatchObject({ code: 'invalid_argument' });
    const settings = await receiver.call('delivery.settings.update', { trustedPackageKeys: [senderKey, senderKey] });
    expect(settings.trustedPackageKeys).toEqual([senderKey]);
    // A second package from the sender, signed by it.
    const { dataDir, version, library } = sender.services;
    const connector = new PackageConnector({ dataDir, version, library }, path.join(usb.dir, 'second'));
    const second = (await connector.send(payloadFor(sender, sent, 'outbox-item-0778'), sendContext().ctx)).remoteId;
    const done = await importResult(second);
    expect(done.result).toMatchObject({ signature: 'trusted', bulletin: { status: 'approved', approver: 'Trần Văn Hùng', approvedAt: sent.approvedAt } });
  });
});
