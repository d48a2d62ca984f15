import type { z } from 'zod';

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
