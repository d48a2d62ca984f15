import { StudioError } from '../../shared/errors.ts';

/** A record's id typed on the command line: a positive whole number, else a coded refusal. */
export function parseId(value: string): number {
  const id = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(id) || id <= 0) {
    throw new StudioError('invalid_argument', `not an id: ${value}`, { reason: 'cli_not_an_id', value });
  }
  return id;
}
