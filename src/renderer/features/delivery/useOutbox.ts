import { useCallback, useEffect, useState } from 'react';
import type { OutboxItem } from '../../../shared/api/delivery.ts';
import { api, type ApiError } from '../../api/client.ts';
import { toApiError, useStudioEvent } from '../../api/hooks.ts';

const STATE_ORDER: Record<OutboxItem['state'], number> = { sending: 0, queued: 1, delivered: 2, cancelled: 3 };
const PRIORITY_ORDER: Record<OutboxItem['priority'], number> = { emergency: 0, priority: 1, normal: 2 };

/** Sending first, then waiting items in the order the outbox takes them (emergency first), then the rest, newest first. */
function ordered(items: OutboxItem[]): OutboxItem[] {
  return [...items].sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      (a.state === 'queued' ? PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || a.id - b.id : b.id - a.id),
  );
}

/** The outbox, kept live from `outbox.changed` and `outbox.progress` pushes. */
export function useOutbox() {
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(() => {
    api.call('outbox.list', {}).then(
      (list) => {
        setItems(ordered(list));
        setError(null);
      },
      (caught: unknown) => setError(toApiError(caught)),
    );
  }, []);
  useEffect(load, [load]);

  useStudioEvent('outbox.changed', (item) =>
    setItems((current) => ordered([item, ...(current ?? []).filter((other) => other.id !== item.id)])),
  );
  useStudioEvent('outbox.progress', ({ id, sentBytes, totalBytes }) =>
    setItems((current) => current && current.map((item) => (item.id === id ? { ...item, sentBytes, totalBytes } : item))),
  );

  return { items, error, reload: load };
}
