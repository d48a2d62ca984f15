/**
 * The one place that says what text the studio accepts from any client (the screen, the CLI, a
 * script over the WebSocket). Titles, names and dictionary terms end up in file names, in USB
 * package manifests, in ID3/bext tags and on other centres' screens, so three kinds of character
 * are refused everywhere:
 * - control characters (NUL above all: it truncates C strings in tags and file names); multi-line
 *   text keeps tab and line breaks;
 * - lone UTF-16 surrogates: not text at all, they become U+FFFD or fail when written as UTF-8;
 * - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make a title display
 *   differently from what it is ("Trojan Source"), and no language broadcast here is right-to-left.
 */
import { z } from 'zod';

const CONTROL_ANY = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_EXCEPT_BREAKS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Why `value` is not acceptable text, or null when it is. */
export function textProblem(value: string, { multiLine = false }: { multiLine?: boolean } = {}): string | null {
  if ((multiLine ? CONTROL_EXCEPT_BREAKS : CONTROL_ANY).test(value)) return 'control characters (such as NUL) are not allowed';
  if (LONE_SURROGATE.test(value)) return 'broken Unicode (a lone surrogate) is not allowed';
  if (BIDI_CONTROL.test(value)) return 'bidirectional override characters (U+202A–U+202E, U+2066–U+2069) are not allowed';
  return null;
}

const checked = (schema: z.ZodString, multiLine: boolean) =>
  schema.superRefine((value, ctx) => {
    const problem = textProblem(value, { multiLine });
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A one-line label (title, name, term, author): trimmed, `min`..`max` characters, clean. */
export const label = (max: number, min = 0) => checked(z.string().trim().min(min).max(max), false);

/** Free text over several lines (a script, notes): tabs and line breaks allowed, otherwise clean. */
export const multiLineText = (max: number) => checked(z.string().max(max), true);

/** A path the user named (a file to import, a folder to back up to): no control characters. */
export const userPath = (max = 4096) => checked(z.string().min(1).max(max), false).describe(USER_PATH);

/** The description that marks a user-named path (tools such as the fuzz suite tell paths from other text by it). */
export const USER_PATH = 'user-named path';

/** Keys of objects that clients send as maps: never ones that reach an object's prototype. */
export const mapKey = (max: number) => label(max).refine((key) => !RESERVED_KEYS.has(key), 'reserved key');

/** Names that would reach an object's prototype if used as a key (zod drops `__proto__` itself, silently). */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
