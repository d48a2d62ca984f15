import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVALUATION_ENGINES, type EvaluationEngine } from '../../../shared/translation/index.ts';
import { api } from '../../api/client.ts';
import { useAction, useRequest } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { RunningJob } from '../../components/RunningJob.tsx';
import { isCancelled, useFollowedJob } from '../../api/use-job.ts';
import { fmt } from '../../components/useFormat.ts';

/**
 * The engines of a language pair: the learned engine (train it from the TM as a job, with
 * progress and cancel), installed packs, and evaluations on a test file with the recorded scores.
 */
export function EnginePanel({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation('translation');
  const status = useRequest('translation.engine.status', { from, to });
  const evaluations = useRequest('translation.engine.evaluations', { from, to });
  const training = useFollowedJob<'translation.train'>();
  const evaluating = useFollowedJob<'translation.evaluate'>();
  const installing = useFollowedJob<'translation.pack.install'>();
  const [trained, setTrained] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const [testPath, setTestPath] = useState('');
  const [trainPath, setTrainPath] = useState('');
  const [engine, setEngine] = useState<EvaluationEngine>('learned');
  const [packPath, setPackPath] = useState('');
  /** Follows a job the panel started; a cancel is the user's own choice, said as such, not an error. */
  const unlessCancelled = async (work: () => Promise<void>) => {
    setCancelled(false);
    try {
      await work();
    } catch (error) {
      if (!isCancelled(error)) throw error;
      setCancelled(true);
    }
  };
  const installPack = useAction(() =>
    unlessCancelled(async () => {
      await installing.follow(await api.call('translation.engine.pack.install', { path: packPath.trim() }));
      setPackPath('');
      status.reload();
    }),
  );
  const removePack = useAction(async (id: string) => {
    await api.call('translation.engine.pack.remove', { id });
    status.reload();
  });

  const train = useAction(() =>
    unlessCancelled(async () => {
      setTrained(false);
      await training.follow(await api.call('translation.engine.train', { from, to }));
      setTrained(true);
      status.reload();
    }),
  );
  const evaluate = useAction(() =>
    unlessCancelled(async () => {
      await evaluating.follow(
        await api.call('translation.engine.evaluate', {
          from, to, engine, testPath: testPath.trim(), ...(trainPath.trim() ? { trainPath: trainPath.trim() } : {}),
        }),
      );
      evaluations.reload();
    }),
  );
  const learned = status.data?.learned;
  const when = (iso: string) => fmt.dateTime(iso);

  return (
    <section className="card" data-testid="engine-panel">
      <h2>{t('engine.title')}</h2>
      <ErrorNotice error={status.error ?? train.error ?? evaluate.error ?? evaluations.error ?? installPack.error ?? removePack.error} />
      <h3>{t('engine.learned')}</h3>
      <p data-testid="engine-status">{learned ? t('engine.trained', { pairs: learned.pairCount, at: when(learned.trainedAt) }) : t('engine.notTrained')}</p>
      {status.data && <p className="muted">{t('engine.memory', { pairs: status.data.memoryPairs })}</p>}
      <button type="button" className="primary" disabled={train.busy || !status.data?.memoryPairs} onClick={() => void train.run()} data-testid="train">
        {t('engine.train')}
      </button>
      {training.job && (
        <div data-testid="train-progress">
          <RunningJob job={training.job} label={t('jobs:kind.translation.train')} />
        </div>
      )}
      {cancelled && (
        <p className="muted" data-testid="engine-cancelled">
          {t('jobs:cancelledNotice')}
        </p>
      )}
      {trained && <p className="notice notice-ok" data-testid="trained">{t('engine.trainedDone')}</p>}
      <h3>{t('engine.packsTitle')}</h3>
      <p className="muted">{t('engine.packs', { count: status.data?.packs.length ?? 0 })}</p>
      <ul className="tr-list" data-testid="packs">
        {status.data?.packs.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong> <span className="badge">{p.layout}</span> {p.languages.join(', ')} · <span className="muted">{p.licence}</span>{' '}
            <button type="button" className="link" onClick={() => void removePack.run(p.id)}>
              {t('engine.removePack')}
            </button>
          </li>
        ))}
      </ul>
      <div className="tr-search">
        <input value={packPath} onChange={(e) => setPackPath(e.target.value)} placeholder={t('engine.packPath')} aria-label={t('engine.packPath')} data-testid="pack-path" />
        <button type="button" disabled={!packPath.trim() || installPack.busy} onClick={() => void installPack.run()} data-testid="pack-install">
          {t('engine.installPack')}
        </button>
      </div>
      <RunningJob job={installing.job} label={t('jobs:kind.translation.pack.install')} />
      <p className="muted">{t('engine.greedy')}</p>

      <h3>{t('engine.evaluate')}</h3>
      <div className="form-row">
        <label>
          {t('engine.testPath')}
          <input value={testPath} onChange={(e) => setTestPath(e.target.value)} data-testid="eval-test" />
        </label>
        <label>
          {t('engine.trainPath')}
          <input value={trainPath} onChange={(e) => setTrainPath(e.target.value)} />
        </label>
        <label>
          {t('engine.engineKind')}
          <select value={engine} onChange={(e) => setEngine(e.target.value as EvaluationEngine)} data-testid="eval-engine">
            {EVALUATION_ENGINES.map((kind) => (
              <option key={kind} value={kind}>
                {t(`engine.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="button" disabled={!testPath.trim() || evaluate.busy} onClick={() => void evaluate.run()} data-testid="eval-run">
        {t('engine.run')}
      </button>
      {evaluating.job && (
        <div data-testid="eval-progress">
          <RunningJob job={evaluating.job} label={t('jobs:kind.translation.evaluate')} />
        </div>
      )}
      <h3>{t('engine.results')}</h3>
      {evaluations.data?.length === 0 && <p className="muted">{t('engine.noResults')}</p>}
      {evaluations.data && evaluations.data.length > 0 && (
        <table className="table" data-testid="evaluations">
          <thead>
            <tr>
              {(['engine', 'pair', 'segments', 'chrf', 'bleu', 'coverage', 'speed', 'at'] as const).map((col) => (
                <th key={col}>{t(`engine.col.${col}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {evaluations.data.map((row) => (
              <tr key={row.id}>
                <td>{(EVALUATION_ENGINES as readonly string[]).includes(row.engine) ? t(`engine.kinds.${row.engine}`) : row.engine}</td>
                <td>{row.from}→{row.to}</td>
                <td>{row.segments}</td>
                <td>{fmt.number(row.chrF, { digits: 2 })}</td>
                <td>{fmt.number(row.bleu, { digits: 2 })}</td>
                <td>{fmt.percent(row.coverage, 1)}</td>
                <td>{fmt.number(row.msPerSegment, { digits: 1 })}</td>
                <td>{when(row.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
