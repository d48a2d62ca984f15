import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEND_PROTOCOLS, serialJobResult, type DeviceProfile } from '../../../shared/api/serial.ts';
import type { ErrorPayload } from '../../../shared/errors.ts';
import { api } from '../../api/client.ts';
import { toApiError, useRequest } from '../../api/hooks.ts';
import { DeviceError } from './DeviceError.tsx';
import { JobProgress } from './JobProgress.tsx';
import { bytes, useSerialJob } from './useSerialJob.ts';
import { fmt } from '../../components/useFormat.ts';

type Protocol = (typeof SEND_PROTOCOLS)[number];

/** "Gửi chương trình": a rendered programme (or any file) to a receiver over YMODEM/XMODEM, with progress and cancel. */
export function SendPanel({ profile }: { profile: DeviceProfile }) {
  const { t } = useTranslation('serial');
  const programmes = useRequest('programme.list', {});
  const [source, setSource] = useState<'programme' | 'file'>('programme');
  const [programmeId, setProgrammeId] = useState<number | null>(null);
  const [file, setFile] = useState('');
  const fromProfile = (SEND_PROTOCOLS as readonly string[]).includes(profile.driver) ? (profile.driver as Protocol) : 'ymodem';
  const [protocol, setProtocol] = useState<Protocol>(fromProfile);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const view = useSerialJob();
  const running = view.job?.state === 'running';
  const result = serialJobResult(view.job, 'serial.sendFile');
  const chosen = source === 'programme' ? (programmeId ?? programmes.data?.[0]?.id ?? null) : null;

  const send = async () => {
    setError(null);
    try {
      const arg = source === 'programme' && chosen !== null ? { programmeId: chosen } : { file: file.trim() };
      view.start(await api.call('serial.sendFile', { profileId: profile.id, protocol, ...arg }));
    } catch (caught) {
      setError(toApiError(caught).payload);
    }
  };

  return (
    <section className="card" data-testid="send-panel">
      <h3>{t('send.title')}</h3>
      <DeviceError error={error ?? view.error} onClose={() => (setError(null), view.reset())} />
      <div className="form-grid">
        <label>
          {t('send.source')}
          <select value={source} onChange={(e) => setSource(e.target.value as 'programme' | 'file')} data-testid="send-source">
            <option value="programme">{t('send.fromProgramme')}</option>
            <option value="file">{t('send.fromFile')}</option>
          </select>
        </label>
        {source === 'programme' ? (
          <label>
            {t('send.programme')}
            <select value={chosen ?? ''} onChange={(e) => setProgrammeId(Number(e.target.value))} data-testid="send-programme">
              {(programmes.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            {t('send.file')}
            <input value={file} onChange={(e) => setFile(e.target.value)} placeholder={t('send.filePlaceholder')} data-testid="send-file" />
          </label>
        )}
        <label>
          {t('send.protocol')}
          <select value={protocol} onChange={(e) => setProtocol(e.target.value as Protocol)} data-testid="send-protocol">
            {SEND_PROTOCOLS.map((p) => (
              <option key={p} value={p}>
                {t(`driver.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={running || (source === 'programme' ? chosen === null : !file.trim())}
          onClick={() => void send()}
          data-testid="send-start"
        >
          {t('send.start')}
        </button>
      </div>
      <JobProgress view={view} onCancel={() => view.job && void api.call('job.cancel', { id: view.job.id })} />
      {result && (
        <p className="notice notice-ok" data-testid="send-done">
          {t(result.endConfirmed ? 'send.done' : 'send.doneUnconfirmed', { name: result.name, size: bytes(result.bytes), seconds: fmt.number(result.seconds, { digits: 1 }) })}
        </p>
      )}
    </section>
  );
}
