import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceIdentity, DeviceProfile, DeviceStatus } from '../../../shared/api/serial.ts';
import type { ErrorPayload } from '../../../shared/errors.ts';
import { api } from '../../api/client.ts';
import { toApiError } from '../../api/hooks.ts';
import { DeviceError } from './DeviceError.tsx';
import { fmt } from '../../components/useFormat.ts';

const POLL_MS = 2000;

/** "Nhận diện": asks the device who it is (STM32/ESP bootloaders, a line device's identify command). */
export function IdentifyPanel({ profile }: { profile: DeviceProfile }) {
  const { t } = useTranslation('serial');
  const [identity, setIdentity] = useState<DeviceIdentity | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const identify = async () => {
    setBusy(true);
    setError(null);
    setIdentity(null);
    try {
      setIdentity(await api.call('serial.identify', { profileId: profile.id }));
    } catch (caught) {
      setError(toApiError(caught).payload);
    } finally {
      setBusy(false);
    }
  };
  const name = identity?.details.name;
  return (
    <section className="card" data-testid="identify-panel">
      <h3>{t('identify.title')}</h3>
      <DeviceError error={error} onClose={() => setError(null)} reading />
      <button type="button" onClick={() => void identify()} disabled={busy} data-testid="identify">
        {busy ? t('identify.busy') : t('identify.run')}
      </button>
      {identity && (
        <dl className="device-facts" data-testid="identity">
          <dt>{t('identify.model')}</dt>
          <dd>
            {identity.model}
            {typeof name === 'string' && ` — ${name}`}
          </dd>
          {identity.flashSize !== undefined && (
            <>
              <dt>{t('identify.flash')}</dt>
              <dd>{Math.round(identity.flashSize / 1024)} KiB</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

/** Live status/telemetry: read once, or follow every two seconds; the last good values stay when a read fails. */
export function StatusPanel({ profile }: { profile: DeviceProfile }) {
  const { t } = useTranslation('serial');
  const [status, setStatus] = useState<DeviceStatus | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [live, setLive] = useState(false);

  const read = async () => {
    try {
      setStatus(await api.call('serial.status', { profileId: profile.id }));
      setError(null);
    } catch (caught) {
      setError(toApiError(caught).payload);
      setLive(false);
    }
  };
  useEffect(() => {
    if (!live) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      await read();
      if (!stopped) timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live, profile.id]);

  const entries = Object.entries(status?.values ?? {});
  return (
    <section className="card" data-testid="status-panel">
      <h3>{t('status.title')}</h3>
      <DeviceError error={error ?? status?.lastError ?? null} reading />
      <div className="form-actions">
        <button type="button" onClick={() => void read()} disabled={live}>
          {t('status.read')}
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} data-testid="status-live" />
          {t('status.live')}
        </label>
      </div>
      {status && entries.length === 0 && <p className="muted">{t('status.none')}</p>}
      {entries.length > 0 && (
        <table className={`telemetry ${status?.stale ? 'stale' : ''}`} data-testid="telemetry">
          <tbody>
            {entries.map(([key, v]) => (
              <tr key={key}>
                <th>{t(`telemetry.${key}`, { defaultValue: key })}</th>
                <td>
                  {typeof v.value === 'number' ? fmt.number(v.value) : v.value} {v.unit ?? ''}
                </td>
                <td className="muted">{fmt.time(v.at, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {status?.stale && <p className="muted">{t('status.stale')}</p>}
    </section>
  );
}
