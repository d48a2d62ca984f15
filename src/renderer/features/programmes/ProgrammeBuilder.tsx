import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../../shared/api/library-types.ts';
import { api } from '../../api/client.ts';
import { useAction, useRequest } from '../../api/hooks.ts';
import { navigate } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { AddItemPanel } from './AddItemPanel.tsx';
import { DeliverPanel } from './DeliverPanel.tsx';
import { fmt } from '../../components/useFormat.ts';
import { ItemList } from './ItemList.tsx';
import { RenderPanel } from './RenderPanel.tsx';

/** Builds one programme: ordered items, their lengths, and the session-cap warning. */
export function ProgrammeBuilder({ id }: { id: number }) {
  const { t } = useTranslation('programmes');
  const loaded = useRequest('programme.get', { id }, { refreshOn: ['programme', 'bulletin', 'asset', 'settings'] });
  const [optimistic, setOptimistic] = useState<Programme | null>(null);
  const programme = optimistic ?? loaded.data;

  const apply = useAction(async (change: () => Promise<Programme>) => {
    try {
      setOptimistic(await change());
    } finally {
      setOptimistic(null);
      loaded.reload();
    }
  });
  const remove = useAction(async () => {
    if (!programme || !confirm(t('common:actions.confirmDelete', { name: programme.title }))) return;
    await api.call('programme.delete', { id });
    navigate('programmes');
  });

  const rename = useAction(async () => {
    const title = programme && prompt(t('renamePrompt'), programme.title)?.trim();
    if (title && title !== programme.title) await apply.run(() => api.call('programme.update', { id, title }));
  });

  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  if (!programme) return <p className="muted">{t('common:loading')}</p>;

  const reorder = (itemIds: number[]) => {
    // Show the new order at once; the studio's answer replaces it.
    const byId = new Map(programme.items.map((item) => [item.id, item]));
    setOptimistic({ ...programme, items: itemIds.map((itemId) => byId.get(itemId)!) });
    void apply.run(() => api.call('programme.reorder', { programmeId: id, itemIds }));
  };

  return (
    <Page
      title={programme.title}
      actions={
        <>
          <button type="button" onClick={() => navigate('programmes')}>
            {t('common:actions.back')}
          </button>
          <button type="button" onClick={() => void rename.run()}>
            {t('rename')}
          </button>
          <button type="button" className="danger" onClick={() => void remove.run()}>
            {t('common:actions.delete')}
          </button>
        </>
      }
    >
      <ErrorNotice error={apply.error ?? remove.error ?? rename.error} onClose={() => (apply.clearError(), rename.clearError())} />
      {/* The plan's total: exactly what a render of these items and settings will be. */}
      <div className={`total ${programme.exceedsCap ? 'over-cap' : ''}`} data-testid="programme-total" data-total-sec={programme.totalSec}>
        {t('total')}: {fmt.clock(programme.totalSec, 1)} / {t('cap', { minutes: programme.capMinutes })}
        {programme.items.some((i) => i.durationEstimated) && <span className="muted"> {t('estimatedNote')}</span>}
      </div>
      {programme.exceedsCap && (
        <p className="notice notice-warn" role="alert" data-testid="cap-warning">
          {t('overCap', { minutes: programme.capMinutes })}
        </p>
      )}
      <div className="editor-grid">
        <ItemList
          items={programme.items}
          onReorder={reorder}
          onRemove={(itemId) => void apply.run(() => api.call('programme.removeItem', { programmeId: id, itemId }))}
        />
        <AddItemPanel onAdd={(item) => void apply.run(() => api.call('programme.addItem', { programmeId: id, ...item }))} />
      </div>
      <div className="editor-grid">
        <RenderPanel programme={programme} />
        <DeliverPanel programme={programme} />
      </div>
    </Page>
  );
}
