/** Every push from the main process to the screen, by name. */
import type { JobInfo } from './domain.ts';

export interface StudioEvents {
  'job.progress': JobInfo;
  'job.finished': JobInfo;
  /** Something in the library changed; screens showing that entity refresh. */
  'library.changed': { entity: 'bulletin' | 'programme' | 'area' | 'asset' | 'settings'; id: number | null };
}

export type EventName = keyof StudioEvents;
export type StudioEvent = { [N in EventName]: { name: N; payload: StudioEvents[N] } }[EventName];
