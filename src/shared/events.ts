/** Every push from the main process to the screen, by name. */
import type { JobInfo } from './api/jobs.ts';
import type { OutboxItem } from './api/delivery.ts';
import type { UpdateStatus } from './api/updates-types.ts';
import type { PortsChanged } from './api/serial-types.ts';

export interface StudioEvents {
  'job.progress': JobInfo;
  'job.finished': JobInfo;
  /** Something in the library changed; screens showing that entity refresh. */
  'library.changed': { entity: 'bulletin' | 'programme' | 'area' | 'asset' | 'settings'; id: number | null };
  /** An outbox item changed state (queued, sending, delivered, cancelled, error, remote status). */
  'outbox.changed': OutboxItem;
  /** Upload progress of the item being sent, throttled. */
  'outbox.progress': { id: number; sentBytes: number; totalBytes: number };
  /** The pronunciation dictionary changed; reading previews re-read their text. */
  'reading.dictionary.changed': { id: number };
  /** The update state changed (checking, available, download progress, ready, installing, error). */
  'updates.changed': UpdateStatus;
  /** A serial port appeared or vanished (sent only while a lease from `serial.port.watch` is live). */
  'serial.ports.changed': PortsChanged;
}

export type EventName = keyof StudioEvents;
export type StudioEvent = { [N in EventName]: { name: N; payload: StudioEvents[N] } }[EventName];
