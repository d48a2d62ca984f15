import type { DownloadProgress, UpdateSource, UpdateState } from '../../../shared/api/updates-types.ts';
import { StudioError, type ErrorPayload } from '../../../shared/errors.ts';

export type { DownloadProgress, UpdateSource, UpdateState };

export type UpdateEvent =
  | { type: 'check'; source: UpdateSource }
  | { type: 'found'; version: string; notes: string | null }
  | { type: 'none'; version: string }
  | { type: 'download' }
  | { type: 'progress'; progress: DownloadProgress }
  | { type: 'downloaded' }
  | { type: 'cancel' }
  | { type: 'backed-up'; backupPath: string }
  | { type: 'install' }
  | { type: 'failed'; error: ErrorPayload };

const versionOf = (state: UpdateState): string | null => ('version' in state ? state.version : null);

/** The one transition function; anything it does not list is refused with `invalid_transition`. */
export function nextUpdateState(state: UpdateState, event: UpdateEvent): UpdateState {
  const refuse = (): never => {
    throw new StudioError('invalid_transition', 'updates.transition', { reason: 'transition', from: state.status, event: event.type });
  };
  switch (event.type) {
    case 'check':
      return ['idle', 'up-to-date', 'available', 'error'].includes(state.status) ? { status: 'checking', source: event.source } : refuse();
    case 'found':
      return state.status === 'checking' ? { status: 'available', version: event.version, notes: event.notes } : refuse();
    case 'none':
      return state.status === 'checking' ? { status: 'up-to-date', version: event.version } : refuse();
    case 'download':
      return state.status === 'available'
        ? { status: 'downloading', version: state.version, notes: state.notes, progress: { percent: 0, bytesPerSecond: 0, transferred: 0, total: 0 } }
        : refuse();
    case 'progress':
      return state.status === 'downloading' ? { ...state, progress: { ...event.progress, percent: clampPercent(event.progress.percent) } } : refuse();
    case 'downloaded':
      return state.status === 'downloading' ? { status: 'ready', version: state.version, notes: state.notes, backupPath: null } : refuse();
    case 'cancel':
      return state.status === 'downloading' ? { status: 'available', version: state.version, notes: state.notes } : refuse();
    case 'backed-up':
      return state.status === 'ready' ? { ...state, backupPath: event.backupPath } : refuse();
    case 'install':
      return state.status === 'ready' && state.backupPath ? { status: 'installing', version: state.version, backupPath: state.backupPath } : refuse();
    case 'failed':
      return state.status === 'idle' || state.status === 'up-to-date' ? refuse() : { status: 'error', error: event.error, version: versionOf(state) };
  }
}

const clampPercent = (percent: number): number => (Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0);

export interface UpdateStateStore {
  get(): UpdateState;
  send(event: UpdateEvent): UpdateState;
  /** Called after every change; returns the unsubscribe function. */
  subscribe(listener: (state: UpdateState) => void): () => void;
}

export function createUpdateStateStore(initial: UpdateState = { status: 'idle' }): UpdateStateStore {
  let state = initial;
  const listeners = new Set<(state: UpdateState) => void>();
  return {
    get: () => state,
    send(event) {
      state = nextUpdateState(state, event);
      for (const listener of listeners) listener(state);
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
