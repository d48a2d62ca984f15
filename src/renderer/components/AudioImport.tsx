/**
 * Imports an audio file (picked or dropped) through the one import path, with its role: a
 * bulletin's voice, or a jingle or music bed for the music library. Progress, then the asset.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset, AssetRole } from '../../shared/api/library-types.ts';
import { api, type ApiError } from '../api/client.ts';
import type { PickedFile } from '../api/files.ts';
import { toApiError } from '../api/hooks.ts';
import { waitForJob } from '../api/wait-for-job.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { FilePicker } from './PathPicker.tsx';
import { ProgressBar } from './ProgressBar.tsx';

export function AudioImport({ role, onImported, testId = 'import-audio' }: { role: AssetRole; onImported?: (asset: Asset) => void; testId?: string }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const importFile = async (file: PickedFile) => {
    setError(null);
    setDone(null);
    setProgress(0);
    try {
      const name = file.name.replace(/\.[^.]+$/, '');
      const asset = await waitForJob(await api.call('audio.import', { path: file.path, name, role }), setProgress);
      setDone(asset.name);
      onImported?.(asset);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setProgress(null);
      // The staged copy (browser mode) has served: the library now holds its own file.
      await file.release();
    }
  };

  return (
    <div className="audio-import" data-testid={`${testId}-panel`}>
      <FilePicker purpose="audio" onPicked={importFile} onChoosing={() => (setDone(null), setError(null))} label={t('picker.importAudio')} disabled={progress !== null} testId={testId} showValue={false} />
      <span className="muted picker-hint">{t('picker.audioFormats')}</span>
      {progress !== null && <ProgressBar value={progress} label={t('picker.importing')} />}
      {done && (
        <p className="notice notice-ok" data-testid={`${testId}-done`}>
          {t('picker.imported', { name: done })}
        </p>
      )}
      <ErrorNotice error={error} onClose={() => setError(null)} />
    </div>
  );
}
