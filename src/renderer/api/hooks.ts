import { useCallback, useEffect, useRef, useState } from 'react';
import type { Arg, RequestName, Result } from '../../shared/api/index.ts';
import type { EventName, StudioEvents } from '../../shared/events.ts';
import { api, ApiError } from './client.ts';

type Entity = StudioEvents['library.changed']['entity'];

export interface RequestState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Calls a request and keeps its answer; calls again when the argument changes or, with
 * `refreshOn`, when the library reports a change to one of those entities.
 */
export function useRequest<N extends RequestName>(
  name: N,
  arg: Arg<N> | null,
  options: { refreshOn?: Entity[] } = {},
): RequestState<Result<N>> {
  const [state, setState] = useState<{ data?: Result<N>; error: ApiError | null; loading: boolean }>({
    error: null,
    loading: arg !== null,
  });
  const key = JSON.stringify(arg);
  const generation = useRef(0);

  const load = useCallback(() => {
    if (arg === null) return;
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    api.call(name, arg).then(
      (data) => mine === generation.current && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        mine === generation.current &&
        setState((s) => ({ ...s, error: toApiError(error), loading: false })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, key]);

  useEffect(load, [load]);
  const refreshOn = options.refreshOn?.join();
  useEffect(() => {
    if (!refreshOn) return;
    return api.onEvent('library.changed', ({ entity }) => {
      if (refreshOn.split(',').includes(entity)) load();
    });
  }, [refreshOn, load]);

  return { data: state.data, error: state.error, loading: state.loading, reload: load };
}

export function useStudioEvent<E extends EventName>(name: E, listener: (payload: StudioEvents[E]) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => api.onEvent(name, (payload) => latest.current(payload)), [name]);
}

/** Wraps an action so the screen can show it is busy and show its error. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await action(...args);
      } catch (caught) {
        setError(toApiError(caught));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, clearError: () => setError(null) };
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ code: 'internal', message: error instanceof Error ? error.message : String(error) });
}
