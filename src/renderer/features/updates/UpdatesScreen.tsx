import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateCheck, UpdateSource, UpdateStatus } from '../../../shared/api/updates.ts';
import { describeError, type ErrorPayload } from '../../../shared/errors.ts';
import { api, type ApiError } from '../../api/client.ts';
import { useAction, useRequest, useStudioEvent } from '../../api/hooks.ts';
import { Page } from '../../components/Page.tsx';
import { refusalReason } from '../../../shared/update-refusals.ts';
import { FolderPicker } from '../../components/PathPicker.tsx';
import { fmt } from '../../components/useFormat.ts';

/** Cài đặt → Cập nhật: the source, check now, the versions and notes, download, install. */
export default function UpdatesScreen() {
  const { t } = useTranslation('updates');
  const settings = useRequest('updates.settings.get', {});
  const loaded = useRequest('updates.status', {});
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [kind, setKind] = useState<UpdateSource['kind']>('folder');
  const [location, setLocation] = useState('');
  const [publisher, setPublisher] = useState('');
  const [check, setCheck] = useState<UpdateCheck | null>(null);
  const [downloadJob, setDownloadJob] = useState<string | null>(null);

  useEffect(() => setStatus(loaded.data ?? null), [loaded.data]);
  useEffect(() => {
    const source = settings.data?.source;
    if (source) {
      setKind(source.kind);
      setLocation(source.kind === 'server' ? source.url : source.path);
    }
    setPublisher(settings.data?.publisherName ?? '');
  }, [settings.data]);
  useStudioEvent('updates.changed', setStatus);
  // A download started before this screen opened (or before a reload): find its job, for "Huỷ".
  const downloading = status?.state.status === 'downloading';
  useEffect(() => {
    if (!downloading || downloadJob) return;
    api.call('job.list', {}).then((jobs) => setDownloadJob(jobs.find((j) => j.kind === 'updates.download' && j.state === 'running')?.id ?? null), () => undefined);
  }, [downloading, downloadJob]);
  useStudioEvent('job.finished', (job) => {
    if (job.id === downloadJob) setDownloadJob(null);
  });

  const source = (): UpdateSource => (kind === 'server' ? { kind, url: location.trim() } : { kind, path: location.trim() });
  const save = useAction(() => api.call('updates.settings.update', { source: source(), publisherName: publisher.trim() || null }));
  const checkNow = useAction(async () => {
    setCheck(null);
    await api.call('updates.settings.update', { source: source(), publisherName: publisher.trim() || null });
    setCheck(await api.call('updates.check', {}));
  });
  const download = useAction(async () => setDownloadJob((await api.call('updates.download', {})).id));
  const cancel = useAction(async () => downloadJob && api.call('job.cancel', { id: downloadJob }));
  const install = useAction(async (when: 'now' | 'quit') => api.call('updates.install', { when }));

  const state = status?.state;
  const error = checkNow.error ?? save.error ?? download.error ?? install.error ?? cancel.error;
  const available = check?.available ?? null;
  const notes = available?.notes ?? (state && 'notes' in state ? state.notes : null);
  const version = available?.version ?? (state && 'version' in state ? state.version : null);

  return (
    <Page
      title={t('title')}
      actions={
        <a href="#/settings" data-testid="updates-back">
          {t('backToSettings')}
        </a>
      }
    >
      <p className="muted">{t('intro')}</p>
      <section className="card narrow" aria-label={t('source')}>
        <h3>{t('source')}</h3>
        <div className="inline-form" role="radiogroup" aria-label={t('source')}>
          <label style={RADIO}>
            <input type="radio" name="update-source" checked={kind === 'server'} onChange={() => (setKind('server'), setLocation(''))} data-testid="update-source-server" />
            {t('sourceServer')}
          </label>
          <label style={RADIO}>
            <input type="radio" name="update-source" checked={kind === 'folder'} onChange={() => (setKind('folder'), setLocation(''))} data-testid="update-source-folder" />
            {t('sourceFolder')}
          </label>
        </div>
        {kind === 'folder' ? (
          <FolderPicker purpose="usb" value={location} onPicked={setLocation} testId="update-location" />
        ) : (
          <input value={location} onChange={(e) => setLocation(e.target.value)} placeholder={t('serverPlaceholder')} aria-label={t('source')} data-testid="update-location" />
        )}
        <label>
          {t('publisherName')}
          <input value={publisher} onChange={(e) => setPublisher(e.target.value)} data-testid="update-publisher" />
          <small className="muted">{t('publisherHelp')}</small>
        </label>
        <div className="inline-form">
          <button type="button" disabled={!location.trim() || save.busy} onClick={() => void save.run()} data-testid="update-save">
            {t('saveSource')}
          </button>
          <button type="button" className="primary" disabled={!location.trim() || checkNow.busy} onClick={() => void checkNow.run()} data-testid="update-check">
            {t('checkNow')}
          </button>
        </div>
      </section>

      <section className="card narrow" data-testid="update-status">
        {status && <p>{t('currentVersion', { version: status.currentVersion })}</p>}
        {/* "available" is said by the version line below, with its date. */}
        {state && state.status !== 'error' && state.status !== 'available' && <p data-testid="update-state">{stateText(t, status!)}</p>}
        {error && <Refusal error={error} />}
        {!error && state?.status === 'error' && <Refusal error={{ payload: state.error } as ApiError} />}
        {version && (state?.status === 'available' || state?.status === 'downloading' || state?.status === 'ready') && (
          <>
            <p>
              <strong data-testid="update-available">{t('availableVersion', { version })}</strong>
              {available?.releaseDate && <span className="muted"> — {t('releaseDate', { date: available.releaseDate.slice(0, 10) })}</span>}
            </p>
            <h4>{t('notes')}</h4>
            <p className="update-notes" data-testid="update-notes" style={{ whiteSpace: 'pre-wrap' }}>
              {notes || t('noNotes')}
            </p>
          </>
        )}
        {state?.status === 'downloading' && (
          <div className="inline-form">
            <progress max={100} value={state.progress.percent} data-testid="update-progress" />
            <button type="button" onClick={() => void cancel.run()} disabled={!downloadJob} data-testid="update-cancel">
              {t('cancel')}
            </button>
          </div>
        )}
        {status && !status.canInstall && state?.status === 'available' && <p className="muted">{t('installOnlyInApp')}</p>}
        {status?.canInstall && state?.status === 'available' && (
          <button type="button" className="primary" disabled={download.busy} onClick={() => void download.run()} data-testid="update-download">
            {t('download')}
          </button>
        )}
        {state?.status === 'ready' && (
          <div className="inline-form">
            <button type="button" className="primary" disabled={install.busy} onClick={() => void install.run('now')} data-testid="update-install-now">
              {t('restartToUpdate')}
            </button>
            <button type="button" disabled={install.busy} onClick={() => void install.run('quit')} data-testid="update-install-quit">
              {t('installOnQuit')}
            </button>
          </div>
        )}
        {state?.status === 'installing' && (
          <p className="notice notice-ok" data-testid="update-backup">
            {t('backupTaken', { backupPath: state.backupPath })}
          </p>
        )}
      </section>
    </Page>
  );
}

/** A radio and its words on one line (labels in cards stack their input below the words). */
const RADIO = { flexDirection: 'row', alignItems: 'center', gap: '0.4rem', fontWeight: 400 } as const;

function stateText(t: (key: string, options?: Record<string, unknown>) => string, status: UpdateStatus): string {
  const state = status.state;
  switch (state.status) {
    case 'downloading':
      return t(`status.downloading`, { percent: Math.round(state.progress.percent), speed: formatSpeed(state.progress.bytesPerSecond) });
    case 'idle':
    case 'checking':
    case 'error':
      return t(`status.${state.status}`);
    default:
      return t(`status.${state.status}`, { version: state.version });
  }
}

function formatSpeed(bytesPerSecond: number): string {
  return fmt.bytes(bytesPerSecond);
}

/** A refusal: "Không cập nhật" with its reason from the updates locale, or the general wording. */
function Refusal({ error }: { error: ApiError }) {
  const { t, i18n } = useTranslation('updates');
  const payload: ErrorPayload = error.payload;
  const reason = refusalReason(payload, i18n.language === 'en' ? 'en' : 'vi');
  return (
    <div className="notice notice-error" role="alert" data-testid="update-refusal">
      <span>
        <strong>{t('refused')}: </strong>
        {reason ?? describeError(payload, i18n.language === 'en' ? 'en' : 'vi')}
      </span>
    </div>
  );
}
