import { afterEach } from 'vitest';
import type { Arg, RequestName, Result } from '../../src/shared/api/index.ts';
import { StudioError } from '../../src/shared/errors.ts';
import { openStudio, type Studio } from '../../src/main/studio.ts';
import { makeTempDir } from './temp-dir.ts';

export interface TestStudio extends Studio {
  dataDir: string;
  /** Dispatches and unwraps: resolves with the result, rejects with a StudioError. */
  call<N extends RequestName>(name: N, arg: Arg<N>): Promise<Result<N>>;
}

/** A studio on a fresh data directory, closed and removed after the current test. */
export function useTestStudio(dataDir?: string): TestStudio {
  const temp = dataDir ? null : makeTempDir();
  const dir = dataDir ?? temp!.dir;
  const studio = openStudio({ dataDir: dir, transport: 'test' });
  afterEach(async () => {
    await studio.close();
    temp?.remove();
  });
  return {
    ...studio,
    dataDir: dir,
    async call(name, arg) {
      const response = await studio.dispatch(name, arg, { actor: 'tester' });
      if (!response.ok) throw new StudioError(response.error.code, response.error.message, response.error.details);
      return response.result as never;
    },
  };
}
