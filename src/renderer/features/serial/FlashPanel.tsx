import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serialJobResult, type DeviceProfile, type FirmwareCheck } from '../../../shared/api/serial.ts';
import type { ErrorPayload } from '../../../shared/errors.ts';
import { api } from '../../api/client.ts';
import { toApiError } from '../../api/hooks.ts';
import { DeviceError } from './DeviceError.tsx';
import { FlashAudit } from './FlashAudit.tsx';
import { JobProgress } from './JobProgress.tsx';
import { bytes, useSerialJob } from './useSerialJob.ts';
import { fmt } from '../../components/useFormat.ts';

const hex = (n: number) => `0x${n.toString(16).toUpperCase().padStart(8, '0')}`;

/** A typed address: 0x08000000 or decimal; empty means the protocol's default. */
function parseAddress(text: string): number | undefined | null {
  const s = text.trim();
  if (!s) return undefined;
  const n = /^0x[0-9a-f]+$/i.test(s) ? Number.parseInt(s.slice(2), 16) : /^\d+$/.test(s) ? Number(s) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 0xffff_ffff ? n : null;
}

/**
 * "Nạp firmware": choose an image → its checks are shown → the technician confirms → flash with
 * progress, speed and a log → verified. Nothing is sent before the checks passed.
 */
export function FlashPanel({ profile }: { profile: DeviceProfile }) {
  const { t } = useTranslation('serial');
  const protocol = profile.driver === 'esp' ? 'esp' : 'stm32';
  const [file, setFile] = useState('');
  const [addressText, setAddressText] = useState('');
  const [sha256, setSha256] = useState('');
  const [check, setCheck] = useState<FirmwareCheck | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const view = useSerialJob();
  const running = view.job?.state === 'running';
  const result = serialJobResult(view.job, 'serial.flash');
  const address = parseAddress(addressText);
  const manifest = sha256.trim() ? { sha256: sha256.trim() } : {};
  const where = address === undefined ? {} : { address: address ?? 0 };

  const runCheck = async () => {
    setError(null);
    setCheck(null);
    setConfirming(false);
    view.reset();
    try {
      setCheck(await api.call('serial.firmware.check', { file: file.trim(), protocol, ...where, ...manifest }));
    } catch (caught) {
      setError(toApiError(caught).payload);
    }
  };
  const flash = async () => {
    setConfirming(false);
    setError(null);
    try {
      view.start(await api.call('serial.flash', { profileId: profile.id, protocol, file: file.trim(), verify: true, ...where, ...manifest }));
    } catch (caught) {
      setError(toApiError(caught).payload);
    }
  };
  const edit = (apply: () => void) => {
    apply();
    setCheck(null);
    setConfirming(false);
  };

  return (
    <section className="card" data-testid="flash-panel">
      <h3>{t('flash.title')}</h3>
      <DeviceError error={error ?? view.error} onClose={() => (setError(null), view.reset())} />
      <div className="form-grid">
        <label className="wide">
          {t('flash.file')}
          <input value={file} onChange={(e) => edit(() => setFile(e.target.value))} placeholder={t('flash.filePlaceholder')} data-testid="flash-file" />
        </label>
        <label>
          {t('flash.address')}
          <input value={addressText} onChange={(e) => edit(() => setAddressText(e.target.value))} placeholder={protocol === 'esp' ? '0x0' : '0x08000000'} aria-invalid={address === null} />
        </label>
        <label className="wide">
          {t('flash.sha256')}
          <input value={sha256} onChange={(e) => edit(() => setSha256(e.target.value))} placeholder={t('flash.sha256Placeholder')} />
        </label>
      </div>
      <div className="form-actions">
        <button type="button" disabled={!file.trim() || address === null || running} onClick={() => void runCheck()} data-testid="flash-check">
          {t('flash.check')}
        </button>
      </div>
      {check && (
        <div className="notice notice-ok flash-checks" data-testid="flash-checks">
          <strong>{t('flash.checksPassed')}</strong>
          <dl className="device-facts">
            <dt>{t('flash.format')}</dt>
            <dd>{check.format.toUpperCase()}</dd>
            <dt>{t('flash.range')}</dt>
            <dd>
              {hex(check.start)} – {hex(check.end)} ({bytes(check.bytes)})
            </dd>
            {check.initialStackPointer !== undefined && (
              <>
                <dt>{t('flash.vectors')}</dt>
                <dd>
                  SP {hex(check.initialStackPointer)} · Reset {hex(check.resetVector ?? 0)}
                </dd>
              </>
            )}
            <dt>SHA-256</dt>
            <dd className="mono">{check.sha256}</dd>
          </dl>
          <p className="muted">{t('flash.chipCheckNote')}</p>
          {!confirming && !running && (
            <button type="button" className="primary" onClick={() => setConfirming(true)} data-testid="flash-start">
              {t('flash.start')}
            </button>
          )}
          {confirming && (
            <div className="confirm" role="alertdialog" aria-label={t('flash.confirmTitle')}>
              <p>{t('flash.confirm', { name: profile.name, port: profile.port.path, file: check.name })}</p>
              <button type="button" className="primary danger-fill" onClick={() => void flash()} data-testid="flash-confirm">
                {t('flash.confirmYes')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('flash.confirmNo')}
              </button>
            </div>
          )}
        </div>
      )}
      <JobProgress view={view} onCancel={() => view.job && void api.call('job.cancel', { id: view.job.id })} />
      {result && (
        <p className="notice notice-ok" data-testid="flash-done" data-verified={result.verified}>
          {t(result.verified ? 'flash.verified' : 'flash.written', { model: result.model, size: bytes(result.bytes), seconds: fmt.number(result.seconds, { digits: 1 }) })}
        </p>
      )}
      <FlashAudit deviceId={profile.id} job={view.job} />
    </section>
  );
}
