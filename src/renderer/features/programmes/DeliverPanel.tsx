import { useTranslation } from 'react-i18next';
import type { DeliveryTarget } from '../../../shared/api/delivery.ts';
import type { Programme } from '../../../shared/api/library-types.ts';
import { api } from '../../api/client.ts';
import { useAction, useRequest, useStudioEvent } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FolderPicker } from '../../components/PathPicker.tsx';
import { useStickFolder } from '../delivery/useStickFolder.ts';

/**
 * Delivers the programme's current render through the outbox, to the source system or as a USB
 * package, and shows what became of each delivery (the outbox's state, the receiver's status).
 */
export function DeliverPanel({ programme }: { programme: Programme }) {
  const { t } = useTranslation(['programmes', 'delivery']);
  const [folder, setFolder] = useStickFolder(true);
  const items = useRequest('outbox.list', { programmeId: programme.id, limit: 20 }, { refreshOn: ['programme'] });
  useStudioEvent('outbox.changed', (item) => item.programmeId === programme.id && items.reload());
  const deliver = useAction(async (to: DeliveryTarget) => {
    await api.call('delivery.enqueue', { programmeId: programme.id, to, ...(to === 'package' ? { dest: folder.trim() } : {}) });
    items.reload();
  });
  const ready = programme.rendered != null;

  return (
    <section className="card programme-panel" data-testid="deliver-panel">
      <h3>{t('deliver.title')}</h3>
      {!ready && <p className="muted">{t('deliver.renderFirst')}</p>}
      <div className="row">
        <button type="button" disabled={!ready || deliver.busy} onClick={() => void deliver.run('source')} data-testid="deliver-source">
          {t('deliver.toSource')}
        </button>
      </div>
      <div className="row">
        <FolderPicker purpose="usb" value={folder} onPicked={setFolder} label={t('deliver.chooseFolder')} testId="deliver-folder" />
        <button type="button" disabled={!ready || !folder.trim() || deliver.busy} onClick={() => void deliver.run('package')} data-testid="deliver-package">
          {t('deliver.toPackage')}
        </button>
      </div>
      <ErrorNotice error={deliver.error ?? items.error} onClose={deliver.clearError} />
      {items.data && items.data.length > 0 && (
        <ul className="pick-list deliveries" data-testid="programme-deliveries">
          {items.data.map((item) => (
            <li key={item.id} data-outbox-id={item.id} data-state={item.state} data-target={item.target}>
              <span>{t(`delivery:target.${item.target}`)}</span>
              <span className={`badge badge-${item.state}`}>{t(`delivery:state.${item.state}`)}</span>
              {/* A package is not received by anyone: where it was written says more. */}
              {item.target === 'package' && item.remoteId ? (
                <span className="muted" title={item.remoteId} data-testid="package-folder">
                  {t('delivery:outbox.packageFolder', { folder: item.remoteId.split(/[\\/]/).pop() })}
                </span>
              ) : (
                item.remoteStatus && <span className="muted">{t(`delivery:remoteStatus.${item.remoteStatus}`)}</span>
              )}
              {item.remoteReason && <span className="muted">{t('delivery:outbox.reason', { reason: item.remoteReason })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
