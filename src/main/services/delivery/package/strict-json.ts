/**
 * Strict JSON for manifests that arrive on a stick from anywhere. JSON.parse alone accepts a key
 * given twice (the last one wins, so two readers can disagree about what a package says) and
 * recurses on nesting (a manifest of 100,000 `[` ended in `Maximum call stack size exceeded`).
 *
 * So the text is first scanned once, iteratively (no recursion, constant stack), for nesting depth
 * and for a key repeated within one object (compared decoded, so "a" and "\u0061" are the same
 * key); only then does JSON.parse build the value. Written by hand: it is one loop, and the JSON
 * libraries that catch duplicate keys are recursive parsers themselves.
 */
export type StrictJsonProblem = 'not_json' | 'too_deep' | 'duplicate_key';

export class StrictJsonError extends Error {
  constructor(
    readonly problem: StrictJsonProblem,
    readonly detail: string,
  ) {
    super(`${problem === 'not_json' ? 'not valid JSON' : problem}: ${detail}`);
  }
}

interface Frame {
  object: boolean;
  keys: Set<string>;
  /** In an object: the next string is a key. */
  expectKey: boolean;
}

export function parseStrictJson(text: string, maxDepth: number): unknown {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
      const top = stack[stack.length - 1];
      if (top?.object && top.expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(start, i + 1)) as string;
        } catch (error) {
          throw new StrictJsonError('not_json', (error as Error).message);
        }
        if (top.keys.has(key)) throw new StrictJsonError('duplicate_key', key.slice(0, 100));
        top.keys.add(key);
        top.expectKey = false;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxDepth) throw new StrictJsonError('too_deep', `more than ${maxDepth} levels`);
      stack.push({ object: c === 0x7b, keys: new Set(), expectKey: c === 0x7b });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.object) top.expectKey = true;
    }
  }
  // The scan only looked at structure; JSON.parse judges the syntax (bounded by the depth above).
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StrictJsonError('not_json', (error as Error).message);
  }
}
