import type { EventName, StudioEvent, StudioEvents } from '../shared/events.ts';

type Listener = (event: StudioEvent) => void;

/** Fans pushes out to every connected screen, whatever its transport. */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  emit = <N extends EventName>(name: N, payload: StudioEvents[N]): void => {
    const event = { name, payload } as StudioEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken listener (a closed socket) must not stop the others.
      }
    }
  };

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
