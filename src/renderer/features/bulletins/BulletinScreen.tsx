import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BULLETIN_DEFAULTS, type Bulletin, type BulletinFields } from '../../../shared/api/library-types.ts';
import { api } from '../../api/client.ts';
import { useAction, useRequest } from '../../api/hooks.ts';
import { navigate } from '../../app/router.ts';
import { StatusBadge } from '../../components/Badge.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { BulletinForm } from './BulletinForm.tsx';
import { HistoryList } from './HistoryList.tsx';
import { comparable, useDraftBackup } from './useDraftBackup.ts';
import { useLeaveGuard } from './useLeaveGuard.ts';
import { WorkflowActions } from './WorkflowActions.tsx';
import { TranslateCard } from '../translation/TranslateCard.tsx';
import { DeliverButton } from '../delivery/DeliverButton.tsx';
import { AudioCard } from './AudioCard.tsx';
import { BulletinLedCard } from '../led/BulletinLedCard.tsx';
import { fmt } from '../../components/useFormat.ts';

const EMPTY_BULLETIN: BulletinFields = { title: '', ...BULLETIN_DEFAULTS };

function fieldsOf(b: Bulletin): BulletinFields {
  const { title, script, category, language, author, priority, targetAreaIds, schedule, repeat, audioAssetId } = b;
  return { title, script, category, language, author, priority, targetAreaIds, schedule, repeat, audioAssetId };
}

/** Soạn bản tin: the bulletin editor, for a new bulletin (#/bulletins/new) or an existing one. */
export default function BulletinScreen({ param }: { param?: string }) {
  const { t, i18n } = useTranslation('bulletins');
  const id = param && param !== 'new' ? Number(param) : null;
  const loaded = useRequest('bulletin.get', id === null ? null : { id });
  const settings = useRequest('settings.get', {});
  const [draft, setDraft] = useState<BulletinFields | null>(id === null ? EMPTY_BULLETIN : null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const saved = loaded.data ? fieldsOf(loaded.data) : null;
  const backup = useDraftBackup(id, draft, saved);
  const dirty = draft !== null && !loaded.loading && (id === null ? Boolean(draft.title || draft.script) : saved !== null && comparable(draft) !== comparable(saved));
  const confirmLeave = useLeaveGuard(dirty, t('leaveUnsaved'));
  const leave = (path: string, param?: number) => {
    if (confirmLeave()) navigate(path, param);
  };

  useEffect(() => {
    if (loaded.data) setDraft(fieldsOf(loaded.data));
  }, [loaded.data]);
  useEffect(() => {
    if (id === null && settings.data?.userName) setDraft((d) => (d && !d.author ? { ...d, author: settings.data!.userName } : d));
  }, [id, settings.data]);

  const save = useAction(async () => {
    if (!draft) return;
    // The audio is not the form's: speech, a recording or an import may have set it meanwhile.
    const { audioAssetId: _audio, ...typed } = draft;
    if (id === null) {
      const created = await api.call('bulletin.create', typed);
      backup.clear(null);
      navigate('bulletins', created.id);
    } else {
      const updated = await api.call('bulletin.update', { id, changes: typed });
      setDraft(fieldsOf(updated));
      backup.clear(id);
      loaded.reload();
      setSavedAt(fmt.time(new Date(), true));
    }
  });
  const duplicate = useAction(async () => {
    if (id === null || !confirmLeave()) return;
    const copy = await api.call('bulletin.duplicate', { id });
    navigate('bulletins', copy.id);
  });
  const confirmAudio = useAction(async () => {
    if (id === null) return;
    await api.call('bulletin.audio.confirm', { id });
    loaded.reload();
  });
  const remove = useAction(async () => {
    if (id === null || !loaded.data || !confirm(t('common:actions.confirmDelete', { name: loaded.data.title }))) return;
    await api.call('bulletin.delete', { id });
    navigate('library');
  });

  // Ctrl+S saves, as in every editor the staff already use.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (!save.busy && draft?.title.trim()) void save.run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save, draft]);

  if (loaded.error) {
    return (
      <Page title={t('title')}>
        <ErrorNotice error={loaded.error} />
      </Page>
    );
  }
  if (!draft) return <p className="muted">{t('common:loading')}</p>;
  const bulletin = loaded.data;
  const locked = bulletin?.status === 'delivered';

  return (
    <Page
      title={id === null ? t('newTitle') : t('title')}
      actions={
        <>
          {bulletin && <StatusBadge status={bulletin.status} verdict={bulletin.sourceVerdict} />}
          <button type="button" onClick={() => leave('library')}>
            {t('common:actions.back')}
          </button>
          {bulletin && (
            <button type="button" onClick={() => void duplicate.run()} disabled={duplicate.busy} data-testid="duplicate-bulletin">
              {t('duplicate')}
            </button>
          )}
          {bulletin && (
            <button type="button" className="danger" onClick={() => void remove.run()}>
              {t('common:actions.delete')}
            </button>
          )}
          <button
            type="button"
            className="primary"
            disabled={save.busy || locked || !draft.title.trim()}
            onClick={() => void save.run()}
            data-testid="save-bulletin"
          >
            {t('common:actions.save')}
          </button>
        </>
      }
    >
      <ErrorNotice error={save.error ?? remove.error ?? duplicate.error ?? confirmAudio.error} onClose={save.clearError} />
      {backup.pending && (
        <div className="notice notice-warn" role="alert" data-testid="draft-restore">
          <span>{t('unsavedFound')}</span>
          <button type="button" onClick={() => setDraft(backup.restore())}>
            {t('restoreDraft')}
          </button>
          <button type="button" className="link" onClick={backup.discard}>
            {t('discardDraft')}
          </button>
        </div>
      )}
      {savedAt && <p className="notice notice-ok">{t('savedAt', { time: savedAt })}</p>}
      {locked && (
        <p className="notice">
          {t('lockedDelivered')}{' '}
          <button type="button" className="link" onClick={() => void duplicate.run()}>
            {t('duplicateToChange')}
          </button>
        </p>
      )}
      {bulletin?.audioStale && (
        <div className="notice notice-warn" role="alert" data-testid="audio-stale">
          <span>{t('audio.stale')}</span>
          <button type="button" onClick={() => leave('tts', bulletin.id)} data-testid="audio-regenerate">
            {t('audio.regenerate')}
          </button>
          <button type="button" onClick={() => void confirmAudio.run()} disabled={confirmAudio.busy} data-testid="audio-confirm">
            {t('audio.confirm')}
          </button>
        </div>
      )}
      <div className="editor-grid">
        <BulletinForm value={draft} onChange={setDraft} disabled={locked} capMinutes={settings.data?.sessionCapMinutes ?? null} />
        {bulletin && (
          <aside className="editor-side">
            <WorkflowActions bulletin={bulletin} onChanged={loaded.reload} />
            <TranslateCard bulletin={bulletin} />
            <AudioCard bulletin={bulletin} leave={leave} onChanged={loaded.reload} />
            <DeliverButton bulletin={bulletin} />
            <BulletinLedCard bulletinId={bulletin.id} />
            <HistoryList bulletinId={bulletin.id} />
          </aside>
        )}
      </div>
    </Page>
  );
}
