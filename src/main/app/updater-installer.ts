/**
 * The thin adapter from the updates service to electron-updater (issue 16). It imports no
 * `electron`: main.ts hands it Electron's updater, and the request-level tests hand it
 * electron-updater's own NsisUpdater running under Node.
 */
import type { AppUpdater, ProgressInfo } from 'electron-updater';
import { updateError, type UpdateInstaller } from '../services/updates/index.ts';

type Verify = (publisherNames: string[], file: string) => Promise<string | null>;

export function electronUpdaterInstaller(updater: AppUpdater): UpdateInstaller {
  // The service decides what and when: no download on a check, nothing installed behind its back.
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.disableWebInstaller = true;
  // Errors are also thrown from the calls below; without a listener they would be thrown twice.
  updater.on('error', () => undefined);
  return {
    async download({ feedUrl, version, allowDowngrade, publisherNames }, onProgress, signal) {
      updater.setFeedURL({ provider: 'generic', url: feedUrl });
      updater.allowDowngrade = allowDowngrade;
      // electron-updater checks Authenticode (NsisUpdater) with the names of the packaged
      // app-update.yml; the service's choice of publisher (Settings) is what must sign it.
      const nsis = updater as AppUpdater & { verifyUpdateCodeSignature?: Verify };
      const packagedVerify = nsis.verifyUpdateCodeSignature;
      if (packagedVerify) nsis.verifyUpdateCodeSignature = (_packaged, file) => packagedVerify.call(nsis, publisherNames, file);
      const check = await updater.checkForUpdates();
      if (!check?.isUpdateAvailable || check.updateInfo.version !== version) {
        throw updateError('update_file_altered', 'changed_since_check', { checked: version, now: check?.updateInfo.version ?? null });
      }
      const token = check.cancellationToken;
      const abort = () => token?.cancel();
      signal.addEventListener('abort', abort);
      const progress = (info: ProgressInfo) => onProgress({ percent: info.percent, bytesPerSecond: info.bytesPerSecond, transferred: info.transferred, total: info.total });
      updater.on('download-progress', progress);
      try {
        if (signal.aborted) throw updateError('cancelled', 'cancelled');
        await updater.downloadUpdate(token);
      } catch (error) {
        throw signal.aborted ? updateError('cancelled', 'cancelled') : codedDownloadError(error);
      } finally {
        updater.off('download-progress', progress);
        signal.removeEventListener('abort', abort);
        if (packagedVerify) nsis.verifyUpdateCodeSignature = packagedVerify;
      }
    },
    install(when) {
      if (when === 'now') {
        // Silent (the user chose "restart to update"), and start the new version afterwards.
        updater.quitAndInstall(true, true);
      } else {
        updater.autoInstallOnAppQuit = true;
      }
    },
  };
}

/** electron-updater's own refusals, as the coded errors the screen and the CLI put into words. */
function codedDownloadError(error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  const cause = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_CHECKSUM_MISMATCH') return updateError('update_file_altered', 'sha512_mismatch', { file: 'installer', cause });
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE') return updateError('update_file_altered', 'signature_invalid', { cause });
  if (error instanceof Error && error.name === 'StudioError') return error;
  return updateError('unreachable', 'download_failed', { cause });
}
