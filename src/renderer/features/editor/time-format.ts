import { fmt } from '../../components/useFormat.ts';

/** Editor time: m:ss,mmm (the screen's decimal sign), precise enough to place a cut by ear. */
export function formatEditTime(seconds: number): string {
  return fmt.clock(Math.max(0, seconds), 3);
}
