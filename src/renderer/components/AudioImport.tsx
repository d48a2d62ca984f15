/**
 * Imports an audio file (picked or dropped) through the one import path, with its role: a
 * bulletin's voice, or a jingle or music bed for the music library. Progress and cancel, then the asset.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset, AssetRole } from '../../shared/api/library-types.ts';
import { api, type ApiError } from '../api/client.ts';
import type { PickedFile } from '../api/files.ts';
import { toApiError } from '../api/hooks.ts';
import { isCancelled, useFollowedJob } from '../api/use-job.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { FilePicker } from './PathPicker.tsx';
import { RunningJob } from './RunningJob.tsx';

export function AudioImport({ role, onImported, testId = 'import-audio' }: { role: AssetRole; onImported?: (asset: Asset) => void; testId?: string }) {
  const { t } = useTranslation();
  const importing = useFollowedJob<'audio.import'>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);

  const importFile = async (file: PickedFile) => {
    setError(null);
    setDone(null);
    setCancelled(false);
    setBusy(true);
    try {
      const name = file.name.replace(/\.[^.]+$/, '');
      const asset = await importing.follow(await api.call('audio.import', { path: file.path, name, role }));
      setDone(asset.name);
      onImported?.(asset);
    } catch (caught) {
      if (isCancelled(caught)) setCancelled(true);
      else setError(toApiError(caught));
    } finally {
      setBusy(false);
      // The staged copy (browser mode) has served: the library now holds its own file.
      await file.release();
    }
  };

  return (
    <div className="audio-import" data-testid={`${testId}-panel`}>
      <FilePicker purpose="audio" onPicked={importFile} onChoosing={() => (setDone(null), setError(null), setCancelled(false))} label={t('picker.importAudio')} disabled={busy} testId={testId} showValue={false} />
      <span className="muted picker-hint">{t('picker.audioFormats')}</span>
      <RunningJob job={importing.job} label={t('picker.importing')} />
      {cancelled && (
        <p className="muted" data-testid={`${testId}-cancelled`}>
          {t('jobs:cancelledNotice')}
        </p>
      )}
      {done && (
        <p className="notice notice-ok" data-testid={`${testId}-done`}>
          {t('picker.imported', { name: done })}
        </p>
      )}
      <ErrorNotice error={error} onClose={() => setError(null)} />
    </div>
  );
}
