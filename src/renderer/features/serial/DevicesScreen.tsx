import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceProfile } from '../../../shared/api/serial.ts';
import { describeError } from '../../../shared/errors.ts';
import { useRequest } from '../../api/hooks.ts';
import { Page } from '../../components/Page.tsx';
import { FlashPanel } from './FlashPanel.tsx';
import { ProfileEditor } from './ProfileEditor.tsx';
import { ReceivePanel } from './ReceivePanel.tsx';
import { SendPanel } from './SendPanel.tsx';
import { IdentifyPanel, StatusPanel } from './StatusPanel.tsx';
import { usePortWatch } from './usePortWatch.ts';
import './serial.css';

const SENDS = new Set(['ymodem', 'xmodem', 'xmodem1k']);
const FLASHES = new Set(['stm32', 'esp']);
const IDENTIFIES = new Set(['stm32', 'esp', 'line']);
const STATUSES = new Set(['modbus', 'line']);

/**
 * "Thiết bị": the serial ports, the device profiles, and for the chosen device what its driver
 * can do — identify, status/telemetry, send a programme, flash firmware. All of it runs in the
 * studio; the screen only asks.
 */
export default function DevicesScreen() {
  const { t, i18n } = useTranslation('serial');
  const profiles = useRequest('serial.profile.list', {});
  // Plug and unplug: the studio watches the ports while this screen is open and tells it what changed.
  const ports = usePortWatch();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<'new' | 'edit' | null>(null);
  const list = profiles.data ?? [];
  const selected = list.find((p) => p.id === selectedId) ?? (editing === 'new' ? null : (list[0] ?? null));

  const saved = (profile: DeviceProfile) => {
    setEditing(null);
    setSelectedId(profile.id);
    profiles.reload();
  };

  return (
    <Page
      title={t('title')}
      actions={
        <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="device-add">
          {t('profile.add')}
        </button>
      }
    >
      <div className="devices">
        <aside className="devices-list">
          <ul data-testid="device-list">
            {list.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className={`device-item ${selected?.id === p.id && editing !== 'new' ? 'active' : ''}`}
                  onClick={() => (setSelectedId(p.id), setEditing(null))}
                  data-testid="device-item"
                >
                  <strong>{p.name}</strong>
                  <span className="muted">
                    {t(`kind.${p.kind}`)} · {p.port.path} · {t(`driver.${p.driver}`)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {profiles.data && list.length === 0 && <p className="muted">{t('profile.none')}</p>}
          <section className="ports" data-testid="ports">
            <h4>
              {t('ports.title')}{' '}
              <button type="button" className="link" onClick={ports.reload}>
                {t('ports.refresh')}
              </button>
            </h4>
            {ports.error && (
              // Normal on some machines (no udev, no permission): said plainly, not as an alarm; typed paths still work and are still watched.
              <p className="muted" data-testid="ports-error" data-code={ports.error.code}>
                {ports.error.code === 'serial_listing_failed' ? t('errors.serial_listing_failed') : describeError(ports.error, i18n.language === 'en' ? 'en' : 'vi')}
              </p>
            )}
            {ports.ports && ports.ports.length === 0 && !ports.error && <p className="muted">{t('ports.none')}</p>}
            {ports.ports && ports.ports.length > 0 && (
              <ul data-testid="port-list">
                {ports.ports.map((p) => (
                  <li key={p.path} data-testid="port-item">
                    <code>{p.path}</code> <span className="muted">{p.source === 'profile' ? t('ports.typed') : (p.manufacturer ?? '')}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
        <div className="devices-detail">
          {editing ? (
            <ProfileEditor
              key={editing === 'new' ? 'new' : selected?.id}
              profile={editing === 'edit' ? selected : null}
              ports={ports.ports ?? []}
              portsError={ports.error}
              onSaved={saved}
              onDeleted={() => (setEditing(null), setSelectedId(null), profiles.reload())}
              onCancel={() => setEditing(null)}
            />
          ) : selected ? (
            <DeviceDetail key={selected.id} profile={selected} onEdit={() => setEditing('edit')} />
          ) : (
            <p className="muted">{t('profile.choose')}</p>
          )}
        </div>
      </div>
    </Page>
  );
}

function DeviceDetail({ profile, onEdit }: { profile: DeviceProfile; onEdit: () => void }) {
  const { t } = useTranslation('serial');
  const { port } = profile;
  return (
    <>
      <header className="device-header" data-testid="device-detail">
        <div>
          <h2>{profile.name}</h2>
          <p className="muted">
            {t(`kind.${profile.kind}`)} · {t(`driver.${profile.driver}`)} · <code>{port.path}</code> {port.baudRate} {port.dataBits}
            {port.parity[0]!.toUpperCase()}
            {port.stopBits}
          </p>
        </div>
        <button type="button" onClick={onEdit} data-testid="device-edit">
          {t('profile.edit')}
        </button>
      </header>
      {IDENTIFIES.has(profile.driver) && <IdentifyPanel profile={profile} />}
      {STATUSES.has(profile.driver) && <StatusPanel profile={profile} />}
      {SENDS.has(profile.driver) && <SendPanel profile={profile} />}
      {SENDS.has(profile.driver) && <ReceivePanel profile={profile} />}
      {FLASHES.has(profile.driver) && <FlashPanel profile={profile} />}
    </>
  );
}
