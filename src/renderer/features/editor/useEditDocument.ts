import { useCallback, useEffect, useState } from 'react';
import type { EditDocument, EditOp } from '../../../shared/api/audio.ts';
import { api, type ApiError } from '../../api/client.ts';
import { toApiError } from '../../api/hooks.ts';

/**
 * The edit document of one asset: every change goes to the main process, which keeps the edit list
 * (and its undo history) in the database; the screen only shows what it answers.
 */
export function useEditDocument(assetId: number | null) {
  const [doc, setDoc] = useState<EditDocument | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (assetId === null) return;
    let live = true;
    setDoc(null);
    api.call('edit.open', { assetId }).then(
      (opened) => live && setDoc(opened),
      (failure: unknown) => live && setError(toApiError(failure)),
    );
    return () => {
      live = false;
    };
  }, [assetId]);

  const run = useCallback(async (action: () => Promise<EditDocument>): Promise<EditDocument | null> => {
    setBusy(true);
    setError(null);
    try {
      const next = await action();
      setDoc(next);
      return next;
    } catch (failure) {
      setError(toApiError(failure));
      return null;
    } finally {
      setBusy(false);
    }
  }, []);

  const id = doc?.id;
  return {
    doc,
    error,
    busy,
    clearError: () => setError(null),
    apply: (op: EditOp) => (id === undefined ? Promise.resolve(null) : run(() => api.call('edit.apply', { documentId: id, op }))),
    undo: () => (id === undefined || !doc?.canUndo ? Promise.resolve(null) : run(() => api.call('edit.undo', { documentId: id }))),
    redo: () => (id === undefined || !doc?.canRedo ? Promise.resolve(null) : run(() => api.call('edit.redo', { documentId: id }))),
    refresh: () => (id === undefined ? Promise.resolve(null) : run(() => api.call('edit.get', { documentId: id }))),
    fail: (failure: unknown) => setError(toApiError(failure)),
  };
}
