import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/hooks.ts';
import { waitForJob } from '../../api/wait-for-job.ts';
import { navigate } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

/** Brings an audio file (WAV, MP3, FLAC, OGG) into the library through the one import path, then opens it. */
export function ImportAudio() {
  const { t } = useTranslation('editor');
  const [file, setFile] = useState('');
  const importing = useAction(async () => {
    const asset = await waitForJob(await api.call('audio.import', { path: file.trim() }));
    navigate('editor', asset.id);
  });
  return (
    <form className="ed-import" onSubmit={(event) => (event.preventDefault(), void importing.run())}>
      <label>
        {t('import.label')}
        <input value={file} onChange={(event) => setFile(event.target.value)} placeholder={t('import.placeholder')} data-testid="import-path" />
      </label>
      <button type="submit" disabled={!file.trim() || importing.busy} data-testid="import-audio">
        {importing.busy ? t('import.running') : t('import.action')}
      </button>
      <ErrorNotice error={importing.error} onClose={importing.clearError} />
    </form>
  );
}
