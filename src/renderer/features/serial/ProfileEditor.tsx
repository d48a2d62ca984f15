import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVICE_KINDS, SERIAL_DRIVERS, type DeviceProfile, type DeviceProfileInput, type PortInfo } from '../../../shared/api/serial.ts';
import type { ErrorPayload } from '../../../shared/errors.ts';
import { api } from '../../api/client.ts';
import { toApiError } from '../../api/hooks.ts';
import { DeviceError } from './DeviceError.tsx';

const MODBUS_EXAMPLE = '{ "registerMap": { "unitId": 1, "entries": [{ "key": "forwardPower", "table": "holding", "address": 0, "type": "uint16", "scale": 0.1, "unit": "W" }] } }';
const LINE_EXAMPLE = '{ "line": { "commands": { "freq": { "send": "FREQ?", "reply": "^FREQ (?<mhz>[\\d.]+)" } }, "status": ["freq"] } }';

const BAUDS = [9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600];

type Form = Required<Pick<DeviceProfileInput, 'name' | 'kind' | 'driver'>> & {
  port: DeviceProfile['port'];
  lineEntry: boolean;
  options: Record<string, unknown>;
};

const empty: Form = {
  name: '',
  kind: 'receiver',
  driver: 'ymodem',
  port: { path: '', baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' },
  lineEntry: false,
  options: {},
};

const fromProfile = (p: DeviceProfile): Form => ({ name: p.name, kind: p.kind, driver: p.driver, port: p.port, lineEntry: p.options.lineEntry === true, options: p.options });

/**
 * A device profile: name, kind, driver and the port's line settings. The port is picked from the
 * system's list or typed (COM7, /dev/ttyUSB0, a pty); a list that cannot be read says so and the
 * typed path still works.
 */
export function ProfileEditor({ profile, ports, portsError, onSaved, onDeleted, onCancel }: {
  profile: DeviceProfile | null;
  ports: PortInfo[];
  portsError: ErrorPayload | null;
  onSaved: (profile: DeviceProfile) => void;
  onDeleted: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('serial');
  const [form, setForm] = useState<Form>(profile ? fromProfile(profile) : empty);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const { lineEntry: _entry, ...advanced } = form.options;
  const [advancedText, setAdvancedText] = useState(Object.keys(advanced).length > 0 ? JSON.stringify(advanced, null, 2) : '');
  const [advancedBad, setAdvancedBad] = useState(false);
  const setPort = (changes: Partial<Form['port']>) => setForm((f) => ({ ...f, port: { ...f.port, ...changes } }));
  const bootloader = form.driver === 'stm32' || form.driver === 'esp';

  const save = async () => {
    setBusy(true);
    setError(null);
    const { lineEntry, ...rest } = form;
    let options: Record<string, unknown> = {};
    try {
      const parsed: unknown = advancedText.trim() ? JSON.parse(advancedText) : {};
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      options = parsed as Record<string, unknown>;
      setAdvancedBad(false);
    } catch {
      setAdvancedBad(true);
      setBusy(false);
      return;
    }
    const input: DeviceProfileInput = { ...rest, options: { ...options, lineEntry: bootloader && lineEntry } };
    try {
      onSaved(profile ? await api.call('serial.profile.update', { id: profile.id, profile: input }) : await api.call('serial.profile.create', input));
    } catch (caught) {
      setError(toApiError(caught).payload);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!profile || !window.confirm(t('profile.confirmDelete', { name: profile.name }))) return;
    try {
      await api.call('serial.profile.delete', { id: profile.id });
      onDeleted();
    } catch (caught) {
      setError(toApiError(caught).payload);
    }
  };

  return (
    <form
      className="card device-editor"
      data-testid="profile-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{profile ? t('profile.edit') : t('profile.new')}</h3>
      <DeviceError error={error} onClose={() => setError(null)} />
      <div className="form-grid">
        <label>
          {t('profile.name')}
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required data-testid="profile-name" />
        </label>
        <label>
          {t('profile.kind')}
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as Form['kind'] })} data-testid="profile-kind">
            {DEVICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('profile.driver')}
          <select
            value={form.driver}
            onChange={(e) => {
              const driver = e.target.value as Form['driver'];
              // Transmitters' Modbus ports run at 9600 far more often than at 115200.
              const port = !profile && driver === 'modbus' && form.port.baudRate === 115200 ? { ...form.port, baudRate: 9600 } : form.port;
              setForm({ ...form, driver, port });
            }}
            data-testid="profile-driver"
          >
            {SERIAL_DRIVERS.map((d) => (
              <option key={d} value={d}>
                {t(`driver.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('profile.port')}
          <input
            value={form.port.path}
            onChange={(e) => setPort({ path: e.target.value })}
            list="serial-port-list"
            placeholder={t('profile.portPlaceholder')}
            required
            data-testid="profile-port"
          />
          <datalist id="serial-port-list">
            {ports.map((p) => (
              <option key={p.path} value={p.path}>
                {[p.manufacturer, p.serialNumber].filter(Boolean).join(' · ')}
              </option>
            ))}
          </datalist>
        </label>
        <label>
          {t('profile.baud')}
          <select value={form.port.baudRate} onChange={(e) => setPort({ baudRate: Number(e.target.value) })}>
            {[...new Set([...BAUDS, form.port.baudRate])].sort((a, b) => a - b).map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('profile.dataBits')}
          <select value={form.port.dataBits} onChange={(e) => setPort({ dataBits: Number(e.target.value) as 8 })}>
            {[8, 7, 6, 5].map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
        <label>
          {t('profile.parity')}
          <select value={form.port.parity} onChange={(e) => setPort({ parity: e.target.value as Form['port']['parity'] })} data-testid="profile-parity">
            {(['none', 'even', 'odd', 'mark', 'space'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`parity.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('profile.stopBits')}
          <select value={form.port.stopBits} onChange={(e) => setPort({ stopBits: Number(e.target.value) as 1 })}>
            {[1, 1.5, 2].map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
        <label>
          {t('profile.flow')}
          <select value={form.port.flowControl} onChange={(e) => setPort({ flowControl: e.target.value as Form['port']['flowControl'] })}>
            {(['none', 'rtscts', 'xonxoff'] as const).map((f) => (
              <option key={f} value={f}>
                {t(`flow.${f}`)}
              </option>
            ))}
          </select>
        </label>
        {bootloader && (
          <label className="checkbox">
            <input type="checkbox" checked={form.lineEntry} onChange={(e) => setForm({ ...form, lineEntry: e.target.checked })} />
            {t('profile.lineEntry')}
          </label>
        )}
      </div>
      {(form.driver === 'modbus' || form.driver === 'line') && (
        <label className="advanced">
          {t(form.driver === 'modbus' ? 'profile.registerMap' : 'profile.lineConfig')}
          <textarea
            value={advancedText}
            onChange={(e) => setAdvancedText(e.target.value)}
            rows={6}
            spellCheck={false}
            placeholder={form.driver === 'modbus' ? MODBUS_EXAMPLE : LINE_EXAMPLE}
            aria-invalid={advancedBad}
          />
          {advancedBad && <span className="error-text">{t('profile.advancedBad')}</span>}
        </label>
      )}
      {portsError && <p className="muted" data-testid="ports-error">{t('errors.serial_listing_failed')}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !form.name.trim() || !form.port.path.trim()} data-testid="profile-save">
          {t('profile.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('profile.cancel')}
        </button>
        {profile && (
          <button type="button" className="danger" onClick={() => void remove()}>
            {t('profile.delete')}
          </button>
        )}
      </div>
    </form>
  );
}
