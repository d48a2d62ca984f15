import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditDocument, ExportResult } from '../../../shared/api/audio.ts';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FolderPicker } from '../../components/PathPicker.tsx';
import { useExportTarget } from '../../components/export-target.ts';
import { isCancelled, useFollowedJob } from '../../api/use-job.ts';
import { fmt } from '../../components/useFormat.ts';
import { RunningJob } from '../../components/RunningJob.tsx';

const BITRATES = [64, 96, 128, 160, 192, 256, 320] as const;

/** Export the edit as MP3 (delivered audio in the field) or Broadcast WAV. */
export function ExportPanel({ doc, name }: { doc: EditDocument; name: string }) {
  const { t } = useTranslation('editor');
  const [format, setFormat] = useState<'mp3' | 'wav'>('mp3');
  const [sampleRate, setSampleRate] = useState<44100 | 48000>(48000);
  const [bitrate, setBitrate] = useState<(typeof BITRATES)[number]>(128);
  const { folder, setFolder, fileName, setFileName, outPath: outPathFor } = useExportTarget(name, 'ban-tin');
  const [title, setTitle] = useState(name);
  const [done, setDone] = useState<ExportResult | null>(null);

  const outPath = outPathFor(format);
  const exporting = useFollowedJob<'audio.export'>();
  const run = useAction(async () => {
    setDone(null);
    const job = await api.call('audio.export', {
      documentId: doc.id,
      format,
      sampleRate,
      ...(format === 'mp3' ? { bitrate } : {}),
      outPath,
      title: title || undefined,
    });
    try {
      setDone(await exporting.follow(job));
    } catch (error) {
      // A cancel is the user's own choice: nothing to report.
      if (!isCancelled(error)) throw error;
    }
  });

  return (
    <section className="ed-panel" aria-label={t('export.title')}>
      <h2>{t('export.title')}</h2>
      <div className="ed-row">
        <label>
          {t('export.format')}
          <select value={format} onChange={(e) => setFormat(e.target.value as 'mp3' | 'wav')} data-testid="export-format">
            <option value="mp3">MP3</option>
            <option value="wav">WAV (Broadcast WAV)</option>
          </select>
        </label>
        <label>
          {t('export.sampleRate')}
          <select value={sampleRate} onChange={(e) => setSampleRate(Number(e.target.value) as 44100 | 48000)} data-testid="export-rate">
            <option value={48000}>48 kHz</option>
            <option value={44100}>44,1 kHz</option>
          </select>
        </label>
        {format === 'mp3' && (
          <label>
            {t('export.bitrate')}
            <select value={bitrate} onChange={(e) => setBitrate(Number(e.target.value) as (typeof BITRATES)[number])} data-testid="export-bitrate">
              {BITRATES.map((b) => (
                <option key={b} value={b}>
                  {b} kbit/s
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <label className="ed-wide">
        {t('export.titleTag')}
        <input type="text" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} data-testid="export-title" />
      </label>
      <div className="ed-wide">
        {t('export.folder')}
        <FolderPicker purpose="export" value={folder} onPicked={setFolder} testId="export-folder" />
      </div>
      <label className="ed-wide">
        {t('export.fileName')}
        <input type="text" value={fileName} maxLength={200} onChange={(e) => setFileName(e.target.value)} data-testid="export-name" />
      </label>
      <button type="button" className="primary" disabled={run.busy || !folder || !fileName} onClick={() => void run.run()} data-testid="export">
        {run.busy ? t('export.running') : t('export.go')}
      </button>
      {run.busy && <RunningJob job={exporting.job} label={t('export.running')} />}
      {done && (
        <p className="notice" data-testid="export-done" data-path={done.path}>
          {t('export.done', { path: done.path, seconds: fmt.number(done.durationSec, { digits: 1 }) })}
        </p>
      )}
      <ErrorNotice error={run.error} onClose={run.clearError} />
    </section>
  );
}
