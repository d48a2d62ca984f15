/**
 * A recording stand-in for `electron-updater` (tests/shell only): what the updater glue
 * (src/main/app/updater.ts, updater-installer.ts) asks of electron-updater's autoUpdater is
 * recorded. It reads the feed for real over HTTP — the folder the updates service serves on
 * 127.0.0.1 — so the glue's URL and the served files are exercised; electron-updater's own
 * download and checks run under Node in tests/main (electron-updater-harness.ts).
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const record = (api, detail = {}) => process.send?.({ type: 'record', api, detail });

class StandInUpdater extends EventEmitter {
  feedUrl = null;
  #settings = { autoDownload: true, autoInstallOnAppQuit: true, disableWebInstaller: false, allowDowngrade: false };
  /** What electron-updater's NsisUpdater calls with the packaged app-update.yml's publisher names. */
  verifyUpdateCodeSignature = async (publisherNames, file) => (record('autoUpdater.verifyUpdateCodeSignature', { publisherNames, file }), null);

  constructor() {
    super();
    for (const key of Object.keys(this.#settings)) {
      Object.defineProperty(this, key, {
        get: () => this.#settings[key],
        set: (value) => {
          record('autoUpdater.set', { key, value });
          this.#settings[key] = value;
        },
      });
    }
  }

  setFeedURL(options) {
    record('autoUpdater.setFeedURL', { options });
    this.feedUrl = options.url;
  }

  async checkForUpdates() {
    const text = await (await fetch(new URL('latest.yml', this.feedUrl))).text();
    const version = /^version: '?([^'\n]+)'?$/m.exec(text)?.[1];
    this.installer = /^path: '?([^'\n]+)'?$/m.exec(text)?.[1];
    record('autoUpdater.checkForUpdates', { version });
    const cancellationToken = { cancel: () => record('autoUpdater.cancel') };
    return { isUpdateAvailable: Boolean(version), updateInfo: { version }, cancellationToken };
  }

  async downloadUpdate(cancellationToken) {
    record('autoUpdater.downloadUpdate', { withToken: Boolean(cancellationToken) });
    const response = await fetch(new URL(encodeURIComponent(this.installer), this.feedUrl));
    const total = Number(response.headers.get('content-length'));
    const file = path.join(os.tmpdir(), `stand-in-update-${process.pid}.exe`);
    const chunks = [];
    let transferred = 0;
    for await (const chunk of response.body) {
      chunks.push(chunk);
      transferred += chunk.length;
      this.emit('download-progress', { percent: (100 * transferred) / total, bytesPerSecond: 1_000_000, transferred, total, delta: chunk.length });
    }
    fs.writeFileSync(file, Buffer.concat(chunks));
    const refused = await this.verifyUpdateCodeSignature(['packaged publisher'], file);
    if (refused) throw new Error(refused);
    return [file];
  }

  quitAndInstall(isSilent, isForceRunAfter) {
    record('autoUpdater.quitAndInstall', { isSilent, isForceRunAfter });
  }
}

let made = null;
const electronUpdater = {
  get autoUpdater() {
    if (!made) {
      record('electron-updater.autoUpdater');
      made = new StandInUpdater();
    }
    return made;
  },
};
export default electronUpdater;
