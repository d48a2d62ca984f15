import { useEffect, useState } from 'react';
import type { BulletinFields } from '../../../shared/api/library-types.ts';

const key = (id: number | null) => `studio.draft.bulletin.${id ?? 'new'}`;

/**
 * Keeps unsaved edits in the browser's storage as the editor types, so a crash, a closed tab or
 * a power cut loses nothing: the next visit offers to restore them.
 */
export function useDraftBackup(id: number | null, draft: BulletinFields | null, saved: BulletinFields | null) {
  const [pending, setPending] = useState<BulletinFields | null>(null);

  useEffect(() => {
    const stored = localStorage.getItem(key(id));
    if (!stored) return;
    try {
      const parsed = JSON.parse(stored) as BulletinFields;
      if (JSON.stringify(parsed) !== JSON.stringify(saved)) setPending(parsed);
    } catch {
      localStorage.removeItem(key(id));
    }
    // Only when the saved version is first known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, saved === null]);

  useEffect(() => {
    if (!draft || pending) return;
    if (JSON.stringify(draft) === JSON.stringify(saved ?? null) || (id === null && !draft.title && !draft.script)) {
      localStorage.removeItem(key(id));
    } else {
      localStorage.setItem(key(id), JSON.stringify(draft));
    }
  }, [id, draft, saved, pending]);

  return {
    pending,
    restore: () => {
      const restored = pending;
      setPending(null);
      return restored;
    },
    discard: () => {
      localStorage.removeItem(key(id));
      setPending(null);
    },
    clear: (forId: number | null) => localStorage.removeItem(key(forId)),
  };
}
