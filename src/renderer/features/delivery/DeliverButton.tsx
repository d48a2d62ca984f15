import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_TARGETS, type DeliveryTarget, type OutboxItem } from '../../../shared/api/delivery.ts';
import { clearedForAir, type Bulletin } from '../../../shared/api/library-types.ts';
import { api } from '../../api/client.ts';
import { useAction, useRequest } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FolderPicker } from '../../components/PathPicker.tsx';
import { useStickFolder } from './useStickFolder.ts';
import './delivery.css';

/**
 * "Gửi" for one bulletin: to the source system (the configured server) or as a package to a folder
 * or USB stick. It only puts the bulletin in the outbox; the outbox does the sending and retrying.
 */
export function DeliverButton({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation('delivery');
  const settings = useRequest('delivery.settings.get', {});
  const [to, setTo] = useState<DeliveryTarget>('source');
  const [folder, setFolder] = useStickFolder(to === 'package');
  const [queued, setQueued] = useState<OutboxItem | null>(null);
  /** The edited audio is rendered for delivery; '' keeps its own loudness (its normalise edit, if any). */
  const [loudness, setLoudness] = useState<'' | 'broadcast' | 'outdoor'>('');
  const send = useAction(async () => {
    setQueued(null);
    setQueued(await api.call('delivery.enqueue', { bulletinId: bulletin.id, to, ...(to === 'package' ? { dest: folder.trim() } : {}), ...(loudness ? { loudness } : {}) }));
  });

  const serverUrl = settings.data?.serverUrl ?? '';
  const blocker = !bulletin.audioAssetId
    ? t('deliver.needsAudio')
    : !clearedForAir(bulletin.status)
      ? t('deliver.needsApproval')
      : to === 'source' && settings.data && !serverUrl
        ? t('deliver.noServer')
        : null;
  const ready = !blocker && (to === 'source' || folder.trim().length > 0);

  return (
    <section className="card deliver-card" data-testid="deliver-card">
      <h3>{t('deliver.title')}</h3>
      <ErrorNotice error={send.error} onClose={send.clearError} />
      <div className="stack">
        <label>
          {t('deliver.to')}
          <select value={to} onChange={(e) => setTo(e.target.value as DeliveryTarget)} data-testid="deliver-target">
            {DELIVERY_TARGETS.map((target) => (
              <option key={target} value={target}>
                {t(`target.${target}`)}
              </option>
            ))}
          </select>
        </label>
        {to === 'package' ? (
          <div>
            {t('deliver.destFolder')}
            <FolderPicker purpose="usb" value={folder} onPicked={setFolder} testId="deliver-folder" />
          </div>
        ) : (
          serverUrl && <small className="muted">{t('deliver.destServerDefault', { url: serverUrl })}</small>
        )}
        <label>
          {t('deliver.loudness')}
          <select value={loudness} onChange={(e) => setLoudness(e.target.value as typeof loudness)} data-testid="deliver-loudness">
            <option value="">{t('deliver.loudnessAsEdited')}</option>
            <option value="broadcast">{t('deliver.loudnessBroadcast')}</option>
            <option value="outdoor">{t('deliver.loudnessOutdoor')}</option>
          </select>
        </label>
        {blocker && <small className="muted">{blocker}</small>}
        <button type="button" className="primary" disabled={!ready || send.busy} onClick={() => void send.run()} data-testid="deliver-button">
          {t('deliver.button')}
        </button>
        {queued && (
          <p className="notice notice-ok" data-testid="deliver-queued">
            {t('deliver.queued', { id: queued.id })} <a href="#/outbox">{t('deliver.openOutbox')}</a>
          </p>
        )}
      </div>
    </section>
  );
}
