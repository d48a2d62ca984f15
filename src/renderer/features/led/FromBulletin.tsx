import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedBoard, LedNotice } from '../../../shared/api/led.ts';
import { BoardOptions } from './BoardOptions.tsx';
import { shortenForBoard } from '../../../shared/led/index.ts';
import { api } from '../../api/client.ts';
import { useAction, useRequest } from '../../api/hooks.ts';
import { LedError } from './LedError.tsx';

/** One action from a bulletin to a board notice: its title and a short text the editor can shorten. */
export function FromBulletin({ bulletinId, boards, onCreated }: { bulletinId: number; boards: LedBoard[]; onCreated: (notice: LedNotice) => void }) {
  const { t } = useTranslation('led');
  const bulletin = useRequest('bulletin.get', { id: bulletinId });
  const [text, setText] = useState('');
  const [boardId, setBoardId] = useState<number | null>(boards[0]?.id ?? null);
  useEffect(() => {
    if (bulletin.data) setText(shortenForBoard(bulletin.data.script));
  }, [bulletin.data]);
  useEffect(() => {
    if (boardId === null && boards[0]) setBoardId(boards[0].id);
  }, [boards, boardId]);
  const create = useAction(async () => {
    if (boardId === null) return;
    const { notice } = await api.call('led.notice.fromBulletin', { bulletinId, boardId, text });
    onCreated(notice);
  });

  return (
    <section className="card form" data-testid="from-bulletin">
      <h2>{t('fromBulletin.title')}</h2>
      <LedError error={bulletin.error ?? create.error} onClose={create.clearError} />
      {bulletin.data && (
        <p>
          <strong>{t('fromBulletin.bulletin')}:</strong> {bulletin.data.title} <span className={`badge badge-${bulletin.data.priority}`}>{t(`common:priority.${bulletin.data.priority}`)}</span>
        </p>
      )}
      <label>
        {t('fromBulletin.text')}
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} data-testid="from-bulletin-text" />
      </label>
      {boards.length === 0 ? (
        <p className="notice notice-warn">{t('fromBulletin.needBoard')}</p>
      ) : (
        <label>
          {t('fromBulletin.board')}
          <select value={boardId ?? ''} onChange={(e) => setBoardId(Number(e.target.value))} data-testid="from-bulletin-board">
            <BoardOptions boards={boards} />
          </select>
        </label>
      )}
      <div>
        <button type="button" className="primary" disabled={create.busy || boardId === null || !bulletin.data} onClick={() => void create.run()} data-testid="from-bulletin-create">
          {t('fromBulletin.create')}
        </button>
      </div>
    </section>
  );
}
