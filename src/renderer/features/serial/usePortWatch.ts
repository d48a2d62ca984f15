import { useCallback, useEffect, useRef, useState } from 'react';
import type { PortInfo } from '../../../shared/api/serial.ts';
import type { ErrorPayload } from '../../../shared/errors.ts';
import { api } from '../../api/client.ts';
import { toApiError, useStudioEvent } from '../../api/hooks.ts';

export interface PortWatchView {
  ports: PortInfo[] | undefined;
  /** The listing's failure (normal without udev) or the watch request's own error. */
  error: ErrorPayload | null;
  /** Asks for the ports now (the "refresh" link); the watch keeps going. */
  reload: () => void;
}

/**
 * The ports, kept current by the studio's plug/unplug watch: a lease taken while the screen is
 * open (renewed at a third of its length, so a slow machine never lets it lapse), the
 * `serial.ports.changed` events, and the lease given back when the screen closes.
 */
export function usePortWatch(): PortWatchView {
  const [ports, setPorts] = useState<PortInfo[] | undefined>(undefined);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const lease = useRef<string | null>(null);
  const alive = useRef(true);

  const take = useCallback(async (): Promise<number | null> => {
    try {
      const answer = await api.call('serial.port.watch', lease.current ? { watchId: lease.current } : {});
      if (!alive.current) {
        void api.call('serial.port.unwatch', { watchId: answer.watchId }).catch(() => undefined);
        return null;
      }
      lease.current = answer.watchId;
      setPorts(answer.ports);
      setError(answer.error);
      return answer.leaseMs;
    } catch (caught) {
      if (alive.current) setError(toApiError(caught).payload);
      return null;
    }
  }, []);

  useEffect(() => {
    alive.current = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const renew = async () => {
      const leaseMs = await take();
      if (alive.current) timer = setTimeout(() => void renew(), (leaseMs ?? 30_000) / 3);
    };
    void renew();
    return () => {
      alive.current = false;
      if (timer) clearTimeout(timer);
      const id = lease.current;
      lease.current = null;
      if (id) void api.call('serial.port.unwatch', { watchId: id }).catch(() => undefined);
    };
  }, [take]);

  useStudioEvent('serial.ports.changed', (change) => {
    setPorts(change.ports);
    setError(change.error);
  });

  return { ports, error, reload: () => void take() };
}
