import { useEffect, useState } from 'react';
import type { BulletinFields } from '../../../shared/api/library-types.ts';

const key = (id: number | null) => `studio.draft.bulletin.${id ?? 'new'}`;

/**
 * Keeps unsaved edits in the browser's storage as the editor types, so a crash, a closed tab or
 * a power cut loses nothing: the next visit offers to restore them, and keeps offering (through
 * reloads) until the editor restores or discards them. Nothing is written or removed before the
 * stored copy has been looked at, so opening the screen never overwrites what it is about to offer.
 */
export function useDraftBackup(id: number | null, draft: BulletinFields | null, saved: BulletinFields | null) {
  const [pending, setPending] = useState<BulletinFields | null>(null);
  const [checked, setChecked] = useState(false);
  // An existing bulletin's backup is compared with its saved version, so wait until that is known.
  const ready = id === null || saved !== null;

  useEffect(() => {
    if (!ready || checked) return;
    const stored = localStorage.getItem(key(id));
    if (stored) {
      try {
        const parsed = JSON.parse(stored) as BulletinFields;
        if (comparable(parsed) !== comparable(saved)) setPending(parsed);
        else localStorage.removeItem(key(id));
      } catch {
        localStorage.removeItem(key(id));
      }
    }
    setChecked(true);
  }, [id, ready, checked, saved]);

  useEffect(() => {
    if (!checked || !draft || pending) return;
    if (comparable(draft) === comparable(saved) || (id === null && !draft.title && !draft.script)) {
      localStorage.removeItem(key(id));
    } else {
      localStorage.setItem(key(id), JSON.stringify(draft));
    }
  }, [id, draft, saved, pending, checked]);

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

/**
 * The fields the editor types, as text to compare: the audio is not one of them (speech, a
 * recording or an import sets it while the form is open).
 */
export function comparable(fields: BulletinFields | null): string {
  if (!fields) return 'null';
  const { audioAssetId: _audio, ...typed } = fields;
  return JSON.stringify(typed);
}
