import { z } from 'zod';

/**
 * One request: the zod schema of its single object argument and the (type-only) shape of its
 * result. Curried so the result type can be named while the argument type is inferred.
 */
export interface RequestDef<A extends z.ZodType, R> {
  arg: A;
  /** Phantom field: never read at run time, only carries the result type. */
  result: R;
}

export const request =
  <R>() =>
  <A extends z.ZodType>(arg: A): RequestDef<A, R> => ({ arg, result: undefined as R });

/**
 * An array of at most `max` items whose length is checked before any item is parsed: two million
 * ids are refused in microseconds instead of being validated one by one first.
 */
export const boundedArray = <T extends z.ZodType>(item: T, max: number) =>
  z
    .custom<z.input<T>[]>((value) => Array.isArray(value) && value.length <= max, `a list of at most ${max} items`)
    .pipe(z.array(item).max(max));

export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** ISO 639 codes of the languages centres broadcast in; the list is a UI default, not a limit. */
export const KNOWN_LANGUAGES = [
  'vi', 'hnj', 'blt', 'ium', 'tyz', 'nut', 'khm', 'rad', 'jra', 'bdq', 'sed', 'kpm', 'cmo', 'cjm', 'ktv',
] as const;
export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/, 'ISO 639 code, e.g. vi, bdq');
