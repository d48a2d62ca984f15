import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearedForAir, type ProgrammeItem } from '../../../shared/api/library-types.ts';
import { formatClock } from '../../components/Duration.tsx';
import { fmt } from '../../components/useFormat.ts';

interface Props {
  items: ProgrammeItem[];
  onReorder: (itemIds: number[]) => void;
  onRemove: (itemId: number) => void;
}

/** The running order. Drag a row to move it; the arrow buttons do the same from the keyboard. */
export function ItemList({ items, onReorder, onRemove }: Props) {
  const { t } = useTranslation('programmes');
  const [dragged, setDragged] = useState<number | null>(null);
  const ids = items.map((i) => i.id);

  const move = (itemId: number, toIndex: number) => {
    const rest = ids.filter((id) => id !== itemId);
    rest.splice(Math.max(0, Math.min(toIndex, rest.length)), 0, itemId);
    if (rest.join() !== ids.join()) onReorder(rest);
  };

  if (items.length === 0) return <p className="empty">{t('noItems')}</p>;
  return (
    <ol className="running-order" data-testid="running-order">
      {items.map((item, index) => {
        // Start times come from the programme's plan (gaps, crossfades, beds under what follows).
        const startsAt = item.startSec;
        const unapproved = !clearedForAir(item.bulletinStatus);
        return (
          <li
            key={item.id}
            draggable
            data-item-id={item.id}
            className={`order-item ${dragged === item.id ? 'dragging' : ''}`}
            onDragStart={(e) => {
              setDragged(item.id);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', String(item.id));
            }}
            onDragEnd={() => setDragged(null)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const id = Number(e.dataTransfer.getData('text/plain'));
              if (id) move(id, index);
              setDragged(null);
            }}
          >
            <span className="drag-handle" aria-hidden>
              ⠿
            </span>
            <span className="muted clock" data-testid="item-start">{fmt.clock(startsAt, 1)}</span>
            <span className={`kind kind-${item.kind}`}>{t(`kind.${item.kind}`)}</span>
            <span className="order-label">
              <span className="order-title">{item.label}</span>
              {unapproved && (
                <span className="badge badge-emergency" data-testid="item-unapproved">
                  {' '}
                  {t('draft')}
                </span>
              )}
            </span>
            <span className="muted" title={item.durationEstimated ? t('estimated') : undefined} data-testid="item-length">
              {item.durationEstimated ? '≈ ' : ''}
              {/* Exact lengths to the tenth, as the start times and the total: they add up on screen. */}
              {item.durationEstimated ? formatClock(item.durationSec) : fmt.clock(item.durationSec, 1)}
            </span>
            <span className="order-buttons">
              <button type="button" aria-label={t('moveUp')} disabled={index === 0} onClick={() => move(item.id, index - 1)}>
                ↑
              </button>
              <button type="button" aria-label={t('moveDown')} disabled={index === items.length - 1} onClick={() => move(item.id, index + 1)}>
                ↓
              </button>
              <button type="button" aria-label={t('remove')} onClick={() => onRemove(item.id)}>
                ✕
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
