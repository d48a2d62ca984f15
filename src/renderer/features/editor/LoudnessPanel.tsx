import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NORMALIZE_PRESETS, type EditDocument, type LoudnessResult } from '../../../shared/api/audio.ts';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { waitForJob } from '../../api/wait-for-job.ts';
import { fmt } from '../../components/useFormat.ts';
import { NumberField } from '../../components/NumberField.tsx';

type Preset = 'broadcast' | 'outdoor' | 'custom';

const show = (value: number | null) => fmt.number(value ?? -Infinity, { digits: 1 });

/** Integrated loudness, range and true peak of the edit, and normalising to a preset. */
export function LoudnessPanel({ doc, onNormalized }: { doc: EditDocument; onNormalized: () => Promise<unknown> }) {
  const { t } = useTranslation('editor');
  const [result, setResult] = useState<LoudnessResult | null>(null);
  const [preset, setPreset] = useState<Preset>('broadcast');
  const [target, setTarget] = useState(-23);
  const [ceiling, setCeiling] = useState(-1);

  const measure = useAction(async () => setResult(await api.call('audio.loudness', { documentId: doc.id })));
  const normalize = useAction(async () => {
    const job = await api.call(
      'audio.normalize',
      preset === 'custom' ? { documentId: doc.id, preset, target, ceiling } : { documentId: doc.id, preset },
    );
    await waitForJob(job);
    await onNormalized();
    setResult(await api.call('audio.loudness', { documentId: doc.id }));
  });

  const goal = preset === 'custom' ? { target, ceiling } : NORMALIZE_PRESETS[preset];
  return (
    <section className="ed-panel" aria-label={t('loudness.title')}>
      <h2>{t('loudness.title')}</h2>
      <dl className="ed-figures" data-testid="loudness">
        <dt>{t('loudness.integrated')}</dt>
        <dd data-testid="loudness-integrated">{result ? `${show(result.integrated)} LUFS` : '—'}</dd>
        <dt>{t('loudness.range')}</dt>
        <dd>{result ? `${show(result.range)} LU` : '—'}</dd>
        <dt>{t('loudness.truePeak')}</dt>
        <dd>{result ? `${show(result.truePeak)} dBTP` : '—'}</dd>
      </dl>
      <button type="button" disabled={measure.busy} onClick={() => void measure.run()} data-testid="measure">
        {measure.busy ? t('loudness.measuring') : t('loudness.measure')}
      </button>
      <div className="ed-row">
        <label>
          {t('loudness.preset')}
          <select value={preset} onChange={(e) => setPreset(e.target.value as Preset)} data-testid="normalize-preset">
            <option value="broadcast">{t('loudness.broadcast')}</option>
            <option value="outdoor">{t('loudness.outdoor')}</option>
            <option value="custom">{t('loudness.custom')}</option>
          </select>
        </label>
        {preset === 'custom' && (
          <>
            <label>
              {t('loudness.target')}
              <NumberField min={-60} max={0} digits={1} value={target} onChange={setTarget} testId="normalize-target" />
            </label>
            <label>
              {t('loudness.ceiling')}
              <NumberField min={-20} max={0} digits={1} value={ceiling} onChange={setCeiling} testId="normalize-ceiling" />
            </label>
          </>
        )}
      </div>
      <button type="button" className="primary" disabled={normalize.busy} onClick={() => void normalize.run()} data-testid="normalize">
        {normalize.busy ? t('loudness.normalizing') : t('loudness.normalize', { target: fmt.number(goal.target), ceiling: fmt.number(goal.ceiling) })}
      </button>
      {doc.master && (
        <p className="muted" data-testid="normalized-note">
          {t('loudness.applied', { gain: fmt.number(doc.master.gainDb, { digits: 1, signed: true }), ceiling: fmt.number(doc.master.ceilingDb) })}
        </p>
      )}
      <ErrorNotice error={measure.error ?? normalize.error} onClose={() => (measure.clearError(), normalize.clearError())} />
    </section>
  );
}
