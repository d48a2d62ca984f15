import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEND_PROTOCOLS, serialJobResult, type DeviceProfile } from '../../../shared/api/serial.ts';
import type { ErrorPayload } from '../../../shared/errors.ts';
import { api } from '../../api/client.ts';
import { toApiError } from '../../api/hooks.ts';
import { DeviceError } from './DeviceError.tsx';
import { JobProgress } from './JobProgress.tsx';
import { bytes, useSerialJob } from './useSerialJob.ts';

type Protocol = (typeof SEND_PROTOCOLS)[number];

/**
 * "Nhận tệp": fetch a log (or any file) back from a device over YMODEM/XMODEM, with progress and
 * cancel; the saved files are listed with their size, sha256 and where they are.
 */
export function ReceivePanel({ profile }: { profile: DeviceProfile }) {
  const { t } = useTranslation('serial');
  const fromProfile = (SEND_PROTOCOLS as readonly string[]).includes(profile.driver) ? (profile.driver as Protocol) : 'ymodem';
  const [protocol, setProtocol] = useState<Protocol>(fromProfile);
  const [dest, setDest] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const view = useSerialJob();
  const running = view.job?.state === 'running';
  const result = serialJobResult(view.job, 'serial.receiveFile');

  const receive = async () => {
    setError(null);
    try {
      const job = await api.call('serial.receiveFile', {
        profileId: profile.id,
        protocol,
        ...(dest.trim() ? { dest: dest.trim() } : {}),
        ...(protocol !== 'ymodem' && name.trim() ? { name: name.trim() } : {}),
      });
      view.start(job);
    } catch (caught) {
      setError(toApiError(caught).payload);
    }
  };

  return (
    <section className="card" data-testid="receive-panel">
      <h3>{t('receive.title')}</h3>
      <p className="muted">{t('receive.hint')}</p>
      <DeviceError error={error ?? view.error} onClose={() => (setError(null), view.reset())} />
      <div className="form-grid">
        <label>
          {t('receive.protocol')}
          <select value={protocol} onChange={(e) => setProtocol(e.target.value as Protocol)} data-testid="receive-protocol">
            {SEND_PROTOCOLS.map((p) => (
              <option key={p} value={p}>
                {t(`receive.protocols.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="wide">
          {t('receive.dest')}
          <input value={dest} onChange={(e) => setDest(e.target.value)} placeholder={t('receive.destPlaceholder')} data-testid="receive-dest" />
        </label>
        {protocol !== 'ymodem' && (
          <label>
            {t('receive.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('receive.namePlaceholder')} data-testid="receive-name" />
          </label>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="primary" disabled={running} onClick={() => void receive()} data-testid="receive-start">
          {t('receive.start')}
        </button>
      </div>
      <JobProgress view={view} onCancel={() => view.job && void api.call('job.cancel', { id: view.job.id })} />
      {result && (
        <div className="notice notice-ok receive-done" data-testid="receive-done">
          <p>{t('receive.done', { count: result.files.length, folder: result.dest })}</p>
          <ul className="received-files">
            {result.files.map((f) => (
              <li key={f.path} data-testid="received-file">
                <strong>{f.name}</strong> · {bytes(f.bytes)} · <code title={f.sha256}>sha256 {f.sha256.slice(0, 16)}…</code>
                <div className="mono">{f.path}</div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
