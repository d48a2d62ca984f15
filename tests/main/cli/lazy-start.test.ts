import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStudioLazily } from '../../../src/main/studio-lazy.ts';
import { runStudio } from '../../helpers/cli.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

/**
 * Issue 17: a command starts with the core services only (studio-lazy.ts). Which modules the built
 * CLI loads is read from Node's own module loader (a load hook writing each URL to a file), so the
 * test fails if a static import brings speech, delivery, serial or LED code back into a search.
 */
describe('the studio loads the optional services only when a request needs them', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());
  const hook = path.join(temp.dir, 'loaded-hook.mjs');
  fs.writeFileSync(hook, `import fs from 'node:fs';\nexport async function load(url, context, next) {\n  fs.appendFileSync(process.env.STUDIO_TEST_LOADED, url + '\\n');\n  return next(url, context);\n}\n`);
  const register = path.join(temp.dir, 'register.mjs');
  fs.writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${hook}`).href)});\n`);

  /** Runs the built `studio` and returns its result with the URLs of the modules it loaded. */
  const runWatched = (dataDir: string, args: string[]) => {
    const log = path.join(temp.dir, `loaded-${args[0]}-${Date.now()}.txt`);
    fs.writeFileSync(log, '');
    const result = runStudio(dataDir, args, undefined, { NODE_OPTIONS: `--import ${register}`, STUDIO_TEST_LOADED: log });
    return { ...result, loaded: fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  };
  // The built chunk that holds the optional services' constructor, found by its code (not its
  // file name, which the bundler may change), among the studio's own built modules.
  const optional = (urls: string[]) =>
    urls.filter((url) => url.includes('/.vite/cli/') && fs.readFileSync(fileURLToPath(url), 'utf8').includes('function createOptionalServices('));

  it('`studio search` answers without loading them; `studio voices` loads them', () => {
    const dataDir = path.join(temp.dir, 'cli');
    expect(runStudio(dataDir, ['bulletin', 'create', '--title', 'Lịch tiêm chủng mở rộng', '--script-file', '-'], 'Tiêm chủng cho trẻ em.').status).toBe(0);

    const search = runWatched(dataDir, ['search', 'tiem chung', '--json']);
    expect(search.stderr).toBe('');
    expect(JSON.parse(search.stdout).map((b: { title: string }) => b.title)).toEqual(['Lịch tiêm chủng mở rộng']);
    expect(search.loaded.some((url) => url.endsWith('/.vite/cli/cli.js'))).toBe(true);
    expect(optional(search.loaded)).toEqual([]);

    const voices = runWatched(dataDir, ['voices', '--json']);
    expect(voices.status).toBe(0);
    expect(JSON.parse(voices.stdout).length).toBeGreaterThan(0);
    expect(optional(voices.loaded)).toHaveLength(1);
  });

  it('in process: core requests answer at once, optional ones after loading, and close works before and after', async () => {
    const before = openStudioLazily({ dataDir: path.join(temp.dir, 'closed-early'), transport: 'test' });
    const listed = await before.dispatch('library.search', { text: '' }, { actor: 'test' });
    expect(listed).toMatchObject({ ok: true, result: { items: [], total: 0 } });
    expect('tts' in before.services).toBe(false);
    await before.close();

    const studio = openStudioLazily({ dataDir: path.join(temp.dir, 'loaded'), transport: 'test' });
    try {
      const voices = await studio.dispatch('voice.list', {}, { actor: 'test' });
      expect(voices.ok).toBe(true);
      const all = await studio.all();
      expect(all.library).toBe(studio.services.library);
      expect(typeof all.tts.voices).toBe('function');
      const unknown = await studio.dispatch('no.such.request', {}, { actor: 'test' });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    } finally {
      await studio.close();
    }
  });
});
