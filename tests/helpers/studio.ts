import { afterEach, beforeEach } from 'vitest';
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
    async call(name, arg) {
      const response = await now().studio.dispatch(name, arg, { actor: 'tester' });
      if (!response.ok) throw new StudioError(response.error.code, response.error.message, response.error.details);
      return response.result as never;
    },
  };
}
