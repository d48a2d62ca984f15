import { useTranslation } from 'react-i18next';
import type { LedNotice } from '../../../shared/api/led.ts';
import { api } from '../../api/client.ts';
import { useAction, useRequest } from '../../api/hooks.ts';
import { navigate } from '../../app/router.ts';
import { Page } from '../../components/Page.tsx';
import { BoardEditor } from './BoardEditor.tsx';
import { FromBulletin } from './FromBulletin.tsx';
import { LedError } from './LedError.tsx';
import { NoticeDesigner } from './NoticeDesigner.tsx';
import './led.css';

/** What the hash names: #/led/board-3, #/led/new-board, #/led/notice-5, #/led/from-bulletin-7. */
function parseParam(param: string | undefined): { kind: 'board' | 'notice' | 'from-bulletin'; id: number } | { kind: 'new-board' } | null {
  if (param === 'new-board') return { kind: 'new-board' };
  const match = /^(board|notice|from-bulletin)-(\d+)$/.exec(param ?? '');
  return match ? { kind: match[1] as 'board' | 'notice' | 'from-bulletin', id: Number(match[2]) } : null;
}

/** Bảng tin điện tử: boards, their notices in rotation order, and the selected board or notice. */
export default function LedScreen({ param }: { param?: string }) {
  const { t } = useTranslation('led');
  const selected = parseParam(param);
  const boards = useRequest('led.board.list', {});
  const notices = useRequest('led.notice.list', {});
  const notice = useRequest('led.notice.get', selected?.kind === 'notice' ? { id: selected.id } : null);
  const create = useAction(async () => {
    const board = boards.data?.[0];
    const width = board?.width ?? 96;
    const height = board?.height ?? 32;
    const created = await api.call('led.notice.create', {
      title: t('notices.newTitle'),
      boardId: board?.id ?? null,
      programme: { name: t('notices.newTitle'), width, height, areas: [{ kind: 'text', x: 0, y: 0, width, height, pages: [{ text: t('notices.newText'), size: 16 }] }] },
    });
    notices.reload();
    navigate('led', `notice-${created.id}`);
  });
  const afterNotice = (n: LedNotice) => {
    notices.reload();
    navigate('led', `notice-${n.id}`);
  };

  return (
    <Page title={t('title')}>
      <p className="muted">{t('intro')}</p>
      <LedError error={boards.error ?? notices.error ?? create.error} onClose={create.clearError} />
      <div className="led-layout">
        <nav className="led-lists">
          <section className="card">
            <div className="led-area-head">
              <h3>{t('boards.title')}</h3>
              <button type="button" onClick={() => navigate('led', 'new-board')} data-testid="board-add">
                {t('boards.add')}
              </button>
            </div>
            {boards.data?.length === 0 && <p className="muted">{t('boards.none')}</p>}
            <ul className="pick-list" data-testid="board-list">
              {boards.data?.map((b) => (
                <li key={b.id} className={selected?.kind === 'board' && selected.id === b.id ? 'led-selected' : ''}>
                  <a href={`#/led/board-${b.id}`}>{b.name}</a>
                  <div className="muted small">
                    {t('boards.size', { width: b.width, height: b.height })} · {t(`board.colourClasses.${b.colourClass}`)}
                  </div>
                </li>
              ))}
            </ul>
          </section>
          <section className="card">
            <div className="led-area-head">
              <h3>{t('notices.title')}</h3>
              <button type="button" onClick={() => void create.run()} data-testid="notice-add">
                {t('notices.add')}
              </button>
            </div>
            <p className="muted small">{t('notices.hint')}</p>
            {notices.data?.length === 0 && <p className="muted">{t('notices.none')}</p>}
            <ul className="pick-list" data-testid="notice-list">
              {notices.data?.map((n) => (
                <li key={n.id} className={selected?.kind === 'notice' && selected.id === n.id ? 'led-selected' : ''}>
                  <a href={`#/led/notice-${n.id}`}>{n.title}</a>{' '}
                  {n.priority !== 'normal' && <span className={`badge badge-${n.priority}`}>{t(`common:priority.${n.priority}`)}</span>}
                </li>
              ))}
            </ul>
          </section>
        </nav>
        <div className="led-main">
          {selected?.kind === 'new-board' && (
            <BoardEditor
              board={null}
              onSaved={(b) => {
                boards.reload();
                navigate('led', `board-${b.id}`);
              }}
            />
          )}
          {selected?.kind === 'board' && boards.data && (
            <BoardEditor key={selected.id} board={boards.data.find((b) => b.id === selected.id) ?? null} onSaved={() => boards.reload()} />
          )}
          {selected?.kind === 'from-bulletin' && boards.data && <FromBulletin bulletinId={selected.id} boards={boards.data} onCreated={afterNotice} />}
          {selected?.kind === 'notice' && <LedError error={notice.error} />}
          {selected?.kind === 'notice' && notice.data && boards.data && (
            <NoticeDesigner
              key={notice.data.id}
              notice={notice.data}
              boards={boards.data}
              onSaved={() => notices.reload()}
              onDeleted={() => {
                notices.reload();
                navigate('led');
              }}
            />
          )}
        </div>
      </div>
    </Page>
  );
}
