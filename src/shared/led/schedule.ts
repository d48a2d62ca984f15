/**
 * Whether a programme plays at a given instant on the board's clock: inside its date range, on
 * one of its weekdays (none = every day), inside one of its time windows (none = all day; a
 * window whose end is before its start runs past midnight).
 */
import type { z } from 'zod';
import type { ProgrammeSchedule } from './model';

export function programmePlaysAt(schedule: z.infer<typeof ProgrammeSchedule>, epochMs: number, utcOffsetMinutes = 420): boolean {
  const local = new Date(epochMs + utcOffsetMinutes * 60_000);
  const date = local.toISOString().slice(0, 10);
  const time = local.toISOString().slice(11, 16);
  if (schedule.from && date < schedule.from) return false;
  if (schedule.until && date > schedule.until) return false;
  if (schedule.weekdays.length > 0 && !schedule.weekdays.includes(local.getUTCDay())) return false;
  if (schedule.windows.length === 0) return true;
  return schedule.windows.some((w) => (w.from <= w.until ? time >= w.from && time < w.until : time >= w.from || time < w.until));
}

/** "HH:MM" on the board's clock (Vietnam time by default, whatever the PC's zone), for brightness steps. */
export function boardClockTime(epochMs: number, utcOffsetMinutes = 420): string {
  return new Date(epochMs + utcOffsetMinutes * 60_000).toISOString().slice(11, 16);
}
