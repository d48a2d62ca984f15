/**
 * Seeded argument generators for the fuzz suite, driven by each request's own zod schema: a
 * valid argument, a near-valid one (one field broken: wrong type, off-by-one bound, NaN, an
 * unknown key) and hostile frames (huge strings, deep nesting, prototype keys). Written by hand:
 * no maintained generator reads zod 4 schemas, and what matters here is the hostile end, which
 * generic property-testing libraries do not aim at.
 */
import type { z } from 'zod';
import { USER_PATH } from '../../../src/shared/text.ts';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

type Def = { type: string; [key: string]: any };
const defOf = (schema: z.ZodType): Def => (schema as any)._zod.def as Def;
const checksOf = (schema: z.ZodType) => ((defOf(schema).checks ?? []) as any[]).map((c) => c._zod.def);
const bound = (schema: z.ZodType, check: string, field: 'minimum' | 'maximum' | 'value') =>
  checksOf(schema).find((c) => c.check === check)?.[field] as number | undefined;

const WORDS = ['Bản tin', 'thời tiết', 'xã Tân Phú', 'UBND', 'TT', 'bão số 3', '12/3/2024', '0912 345 678', 'ꞌ', '📢', 'a'];
const FORMATTED = [
  '00000000-0000-4000-8000-000000000000',
  '2026-03-01T08:30:00',
  '08:30',
  'vi',
  'bdq',
  'AAAA',
  'http://127.0.0.1:9/api',
  '',
];

/** Paths the host may be handed: inside the sandbox, missing, devices, FIFOs, folders. Never anywhere a write could hurt. */
export function hostilePaths(sandbox: string): string[] {
  return [
    sandbox,
    `${sandbox}/file.txt`,
    `${sandbox}/fake.wav`,
    `${sandbox}/dir`,
    `${sandbox}/fifo`,
    `${sandbox}/missing/deep/dir/out.wav`,
    `${sandbox}/out.wav`,
    `${sandbox}/out.mp3`,
    `${sandbox}/link-to-etc`,
    '/dev/zero',
    '/dev/null',
    '/dev/full',
    '/proc',
    '/proc/self/status',
    '',
    `${sandbox}/\u0000nul`,
  ];
}

export interface GenOptions {
  sandbox: string;
}

/** A value the schema should accept (most of the time: refinements across fields are not solved). */
export function valid(schema: z.ZodType, r: Rng, options: GenOptions, depth = 0): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      if ((schema as any).description === USER_PATH) return r.pick(hostilePaths(options.sandbox).slice(0, 14));
      const candidates = [...FORMATTED, ...WORDS].sort(() => r.next() - 0.5);
      const min = bound(schema, 'min_length', 'minimum') ?? 0;
      const max = bound(schema, 'max_length', 'maximum') ?? 200;
      for (const candidate of candidates) {
        let text = candidate;
        while (text.length < min) text += ` ${r.pick(WORDS)}`;
        text = text.slice(0, Math.min(max, 80));
        if ((schema as z.ZodType).safeParse(text).success) return text;
      }
      return 'x'.repeat(Math.max(1, min));
    }
    case 'number': {
      const int = checksOf(schema).some((c) => c.check === 'number_format' && /int/.test(c.format));
      const lo = bound(schema, 'greater_than', 'value') ?? 0;
      const hi = Math.min(bound(schema, 'less_than', 'value') ?? 100, lo + 100);
      const value = lo + r.next() * (hi - lo);
      const n = int ? Math.max(Math.ceil(lo), Math.min(Math.floor(hi), Math.round(value))) : value;
      return schema.safeParse(n).success ? n : int ? Math.ceil(lo) + 1 : lo;
    }
    case 'boolean':
      return r.chance(0.5);
    case 'literal':
      return r.pick(def.values as unknown[]);
    case 'enum':
      return r.pick(Object.values(def.entries as Record<string, unknown>));
    case 'null':
      return null;
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const optional = ['optional', 'default', 'prefault'].includes(defOf(field).type);
        if (optional && r.chance(0.5)) continue;
        const value = valid(field, r, options, depth + 1);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case 'array': {
      const min = bound(schema, 'min_length', 'minimum') ?? 0;
      const max = Math.min(bound(schema, 'max_length', 'maximum') ?? 4, min + 3);
      return Array.from({ length: r.int(min, Math.max(min, max)) }, () => valid(def.element, r, options, depth + 1));
    }
    case 'record': {
      const out: Record<string, unknown> = {};
      for (let i = r.int(0, 3); i > 0; i--) out[String(valid(def.keyType, r, options, depth + 1))] = valid(def.valueType, r, options, depth + 1);
      return out;
    }
    case 'union':
      return valid(r.pick(def.options as z.ZodType[]), r, options, depth + 1);
    case 'optional':
      return r.chance(0.3) ? undefined : valid(def.innerType, r, options, depth + 1);
    case 'nullable':
      return r.chance(0.2) ? null : valid(def.innerType, r, options, depth + 1);
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return valid(def.innerType, r, options, depth + 1);
    case 'pipe':
      // A custom pre-check piped into the real shape (boundedArray, ReadingChoices): build the shape.
      return valid(defOf(def.in).type === 'custom' ? def.out : def.in, r, options, depth + 1);
    case 'lazy':
      return depth > 8 ? undefined : valid(def.getter(), r, options, depth + 1);
    default:
      return undefined;
  }
}

/** Values that are wrong for almost any field. */
export const WRONG_VALUES: unknown[] = [
  null,
  true,
  -1,
  0,
  1.5,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\u202E',
  [],
  {},
  [null],
  { length: 1e9 },
  'x'.repeat(5000),
];

/**
 * Raw JSON for values JSON.stringify cannot express: a number that parses as Infinity, prototype
 * keys. (NaN itself is not JSON: a frame holding it is malformed, see malformedFrame.)
 */
export const RAW_WRONG_VALUES = [
  '1e999',
  '-1e999',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"toString":1,"valueOf":1}',
];

/** Breaks one field of a valid argument: a wrong value, a value one past a bound, or a stray key. */
export function nearValid(schema: z.ZodType, r: Rng, options: GenOptions): { json: string } {
  const base = valid(schema, r, options);
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return { json: JSON.stringify(r.pick(WRONG_VALUES)) };
  const shape = (unwrapObject(schema)?.shape ?? {}) as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  const obj = base as Record<string, unknown>;
  const choice = r.int(0, 4);
  if (choice === 0 || keys.length === 0) {
    obj[r.pick(['extra', '__proto__', 'constructor', 'id', ''])] = r.pick(WRONG_VALUES);
    return { json: JSON.stringify(obj) };
  }
  const key = r.pick(keys);
  if (choice === 1) {
    delete obj[key];
    return { json: JSON.stringify(obj) };
  }
  if (choice === 2) {
    const raw = r.pick(RAW_WRONG_VALUES);
    const json = JSON.stringify({ ...obj, [key]: '__RAW__' }).replace('"__RAW__"', raw);
    return { json };
  }
  if (choice === 3) {
    obj[key] = offByOne(shape[key]!, r);
    return { json: JSON.stringify(obj) };
  }
  obj[key] = r.pick(WRONG_VALUES);
  return { json: JSON.stringify(obj) };
}

function unwrapObject(schema: z.ZodType): Def | null {
  let def = defOf(schema);
  for (let i = 0; i < 6 && def.type !== 'object'; i++) {
    const inner = def.innerType ?? def.in ?? (def.type === 'union' ? def.options[0] : undefined);
    if (!inner) return null;
    def = defOf(inner);
  }
  return def.type === 'object' ? def : null;
}

/** One past the schema's own bound: the longest string plus one, the largest number plus a bit. */
function offByOne(schema: z.ZodType, r: Rng): unknown {
  let s = schema;
  for (let i = 0; i < 6 && ['optional', 'default', 'nullable', 'prefault'].includes(defOf(s).type); i++) s = defOf(s).innerType;
  const def = defOf(s);
  if (def.type === 'string') {
    const max = bound(s, 'max_length', 'maximum');
    return max !== undefined && max < 1_000_000 ? 'ầ'.repeat(max + 1) : 'a'.repeat(300_000);
  }
  if (def.type === 'number') {
    const hi = bound(s, 'less_than', 'value');
    const lo = bound(s, 'greater_than', 'value');
    return r.chance(0.5) ? (hi ?? 1e9) + 1 : (lo ?? 0) - 1;
  }
  if (def.type === 'array' || def.type === 'pipe') return Array.from({ length: 6000 }, (_, i) => i + 1);
  return r.pick(WRONG_VALUES);
}

/** Whole-argument hostility: deep nesting, huge strings, wrong shapes. */
export function hostileArg(r: Rng): string {
  switch (r.int(0, 6)) {
    case 0: {
      const depth = r.int(1000, 20_000);
      return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    }
    case 1: {
      const depth = r.int(1000, 50_000);
      return `${'['.repeat(depth)}${']'.repeat(depth)}`;
    }
    case 2:
      return JSON.stringify({ title: 'ẫ'.repeat(r.int(100_000, 1_000_000)), text: 'x', path: 'y' });
    case 3:
      return JSON.stringify(Array.from({ length: r.int(10_000, 200_000) }, (_, i) => i));
    case 4:
      return r.pick(RAW_WRONG_VALUES);
    case 5:
      return JSON.stringify(r.pick(WRONG_VALUES));
    default:
      return JSON.stringify(Object.fromEntries(Array.from({ length: r.int(1000, 50_000) }, (_, i) => [`k${i}`, i])));
  }
}

/** Frames that are not well-formed calls at all. */
export function malformedFrame(r: Rng): string | Buffer {
  switch (r.int(0, 7)) {
    case 0:
      return Buffer.from(Array.from({ length: r.int(1, 200) }, () => r.int(0, 255)));
    case 1:
      return '{"type":"call","id":1,"name":"app.info","arg":{'.slice(0, r.int(1, 40));
    case 2:
      return JSON.stringify({ type: 'call', id: r.pick([-1, 1.5, 1e300, '1', null]), name: 'app.info', arg: {} });
    case 3:
      return JSON.stringify({ type: r.pick(['reply', 'event', 'CALL', null]), id: 1, name: 'app.info', arg: {} });
    case 4:
      return JSON.stringify([{ type: 'call', id: 1, name: 'app.info', arg: {} }]);
    case 5:
      return '\uFEFF{"type":"call"}';
    case 6:
      return r.pick(['null', '{"type":"call","id":7,"name":"app.info","arg":NaN}', '{"type":"call","id":8,"name":"bulletin.get","arg":{"id":Infinity}}']);
    default:
      return `{"type":"call","id":1,"name":"app.info","arg":{},${'"x":1,'.repeat(r.int(1, 1000))}"y":2}`;
  }
}
