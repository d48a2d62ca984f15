import { afterAll, afterEach, beforeEach } from 'vitest';
import type { Arg, RequestName, Result } from '../../src/shared/api/index.ts';
import { StudioError } from '../../src/shared/errors.ts';
import { openStudio, type Studio } from '../../src/main/studio.ts';
import { makeTempDir } from './temp-dir.ts';

export interface TestStudio extends Studio {
  dataDir: string;
  /** Dispatches and unwraps: resolves with the result, rejects with a StudioError. */
  call<N extends RequestName>(name: N, arg: Arg<N>): Promise<Result<N>>;
}

/**
 * A studio on a fresh data directory for each test of the calling suite, closed and removed
 * after it. The returned object always points at the current test's studio.
 */
export function useTestStudio(): TestStudio {
  let current: { studio: Studio; dir: string; remove: () => void } | null = null;
  beforeEach(() => {
    const temp = makeTempDir();
    current = { studio: openStudio({ dataDir: temp.dir, transport: 'test' }), dir: temp.dir, remove: temp.remove };
  });
  afterEach(async () => {
    await current?.studio.close();
    current?.remove();
    current = null;
  });
  const now = () => {
    if (!current) throw new Error('useTestStudio(): use it inside a test');
    return current;
  };
  return {
    get services() {
      return now().studio.services;
    },
    get events() {
      return now().studio.events;
    },
    get dispatch() {
      return now().studio.dispatch;
    },
    get dataDir() {
      return now().dir;
    },
    defaultActor: () => now().studio.defaultActor(),
    close: () => now().studio.close(),
    call: (name, arg) => unwrappedCall(now().studio, name, arg),
  };
}

/** Dispatches as `actor` and unwraps: the result, or a thrown StudioError. */
export async function unwrappedCall<N extends RequestName>(studio: Studio, name: N, arg: Arg<N>, actor = 'tester'): Promise<Result<N>> {
  const response = await studio.dispatch(name, arg, { actor });
  if (!response.ok) throw new StudioError(response.error.code, response.error.message, response.error.details);
  return response.result as Result<N>;
}

/** A studio with `call`, on a data directory the caller owns. */
export function asTestStudio(studio: Studio, dataDir: string, actor = 'tester'): TestStudio {
  return { ...studio, dataDir, call: (name, arg) => unwrappedCall(studio, name, arg, actor) };
}

/** One studio for a whole suite (tests that build on each other's state), closed after it. */
export function useSuiteStudio(): TestStudio {
  const temp = makeTempDir();
  const studio = openStudio({ dataDir: temp.dir, transport: 'test' });
  afterAll(async () => {
    await studio.close();
    temp.remove();
  });
  return asTestStudio(studio, temp.dir);
}
