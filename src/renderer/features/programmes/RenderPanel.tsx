import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearedForAir, type Programme, type ProgrammeMixSettings } from '../../../shared/api/library-types.ts';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/hooks.ts';
import { isCancelled, useFollowedJob } from '../../api/use-job.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useExportTarget } from '../../components/export-target.ts';
import { FolderPicker } from '../../components/PathPicker.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { RunningJob } from '../../components/RunningJob.tsx';
import { fmt } from '../../components/useFormat.ts';
import './programmes.css';
import { NumberField } from '../../components/NumberField.tsx';

/**
 * How the programme is mixed (preset, per-item normalisation, gap, crossfade, bed ducking; saved on
 * the programme, so the total shown is what the render will be), the render with progress and
 * cancel, and the export of the finished programme (MP3 or Broadcast WAV).
 */
export function RenderPanel({ programme }: { programme: Programme }) {
  const { t } = useTranslation('programmes');
  const render = useFollowedJob<'programme.render'>();
  const exporting = useFollowedJob<'audio.export'>();
  const [format, setFormat] = useState<'mp3' | 'wav'>('mp3');
  const target = useExportTarget(programme.title, 'chuong-trinh');
  const [exported, setExported] = useState<string | null>(null);
  const mix = programme.mix;

  const save = useAction((changes: Partial<ProgrammeMixSettings>) => api.call('programme.update', { id: programme.id, mix: changes }));
  const run = useAction(async () => {
    try {
      await render.follow(await api.call('programme.render', { programmeId: programme.id }));
    } catch (error) {
      // A cancel is the user's own choice: nothing to report.
      if (!isCancelled(error)) throw error;
    }
  });
  const doExport = useAction(async () => {
    setExported(null);
    try {
      const result = await exporting.follow(await api.call('audio.export', { programmeId: programme.id, format, outPath: target.outPath(format) }));
      setExported(result.path);
    } catch (error) {
      if (!isCancelled(error)) throw error;
    }
  });
  const unapproved = programme.items.filter((i) => !clearedForAir(i.bulletinStatus));

  const number = (key: 'gapSec' | 'crossfadeSec' | 'duckDb', min: number, max: number) => (
    <label>
      {t(`mix.${key}`)}
      <NumberField min={min} max={max} digits={2} value={mix[key]} onChange={(value) => void save.run({ [key]: value })} testId={`mix-${key}`} />
    </label>
  );

  return (
    <section className="card programme-panel" data-testid="render-panel">
      <h3>{t('mix.title')}</h3>
      <div className="mix-grid">
        <label>
          {t('mix.presetLufs')}
          <select value={mix.presetLufs} data-testid="mix-preset" onChange={(e) => void save.run({ presetLufs: Number(e.target.value) as -23 | -16 })}>
            <option value={-23}>{t('mix.preset23')}</option>
            <option value={-16}>{t('mix.preset16')}</option>
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={mix.normalizeItems} data-testid="mix-normalizeItems" onChange={(e) => void save.run({ normalizeItems: e.target.checked })} />
          {t('mix.normalizeItems')}
        </label>
        {number('gapSec', 0, 60)}
        {number('crossfadeSec', 0, 10)}
        {number('duckDb', -60, 0)}
      </div>
      {unapproved.length > 0 && (
        <p className="notice notice-warn" role="alert" data-testid="unapproved-warning">
          {t('unapproved', { count: unapproved.length, titles: unapproved.map((i) => i.label).join(', ') })}
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" onClick={() => void run.run()} disabled={render.job !== null || programme.items.length === 0} data-testid="render-programme">
          {render.job ? t('rendering') : t('render')}
        </button>
        {render.job && (
          <>
            <ProgressBar value={render.progress} label={t('rendering')} />
            <span className="muted" data-testid="render-progress">{Math.round(render.progress * 100)}%</span>
            <button type="button" onClick={render.cancel} data-testid="cancel-render">
              {t('common:actions.cancel')}
            </button>
          </>
        )}
      </div>
      {programme.rendered && (
        <p className="muted" data-testid="programme-rendered">
          {t('renderedInfo', {
            length: fmt.clock(programme.rendered.durationSec, 1),
            lufs: fmt.number(programme.rendered.loudness.integrated ?? -Infinity, { digits: 1 }),
            peak: fmt.number(programme.rendered.loudness.truePeak ?? -Infinity, { digits: 1 }),
          })}
        </p>
      )}
      <ErrorNotice error={save.error ?? run.error} onClose={() => (save.clearError(), run.clearError())} />

      <h3>{t('export.title')}</h3>
      <div className="mix-grid">
        <label>
          {t('export.format')}
          <select value={format} onChange={(e) => setFormat(e.target.value as 'mp3' | 'wav')} data-testid="export-format">
            <option value="mp3">MP3</option>
            <option value="wav">{t('export.bwf')}</option>
          </select>
        </label>
        <label>
          {t('export.fileName')}
          <input value={target.fileName} maxLength={200} onChange={(e) => target.setFileName(e.target.value)} data-testid="export-name" />
        </label>
      </div>
      <div className="export-folder">
        {t('export.folder')}
        <FolderPicker purpose="export" value={target.folder} onPicked={target.setFolder} testId="export-folder" />
      </div>
      <div className="row">
        <button type="button" onClick={() => void doExport.run()} disabled={!target.folder || !target.fileName.trim() || exporting.job !== null || programme.items.length === 0} data-testid="export-programme">
          {t('export.run')}
        </button>
        <RunningJob job={exporting.job} label={t('export.title')} />
      </div>
      {exported && (
        <p className="notice notice-ok" data-testid="exported">
          {t('export.done', { path: exported })}
        </p>
      )}
      <ErrorNotice error={doExport.error} onClose={doExport.clearError} />
    </section>
  );
}
