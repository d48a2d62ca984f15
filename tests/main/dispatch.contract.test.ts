import { describe, expect, it } from 'vitest';
import { requestNames } from '../../src/shared/api/index.ts';
import { useTestStudio } from '../helpers/studio.ts';

/** Every request, however it is called, answers with a typed error rather than crashing. */
const MALFORMED: [string, unknown][] = [
  ['a number', 42],
  ['null', null],
  ['a string', 'bulletin'],
  ['an array', [{}]],
  ['an unknown field', { __unexpected__: true }],
];

describe('dispatch contract', () => {
  const studio = useTestStudio();

  it('knows at least the foundation requests', () => {
    expect(requestNames).toEqual(expect.arrayContaining(['bulletin.create', 'library.search', 'programme.reorder', 'area.create']));
  });

  for (const name of requestNames) {
    it(`${name} rejects malformed arguments with invalid_argument`, async () => {
      for (const [label, arg] of MALFORMED) {
        const response = await studio.dispatch(name, arg, { actor: 'tester' });
        expect(response.ok, `${name} with ${label}`).toBe(false);
        if (!response.ok) {
          expect(response.error.code, `${name} with ${label}`).toBe('invalid_argument');
          expect(typeof response.error.message).toBe('string');
          expect(JSON.stringify(response.error)).not.toMatch(/\n\s+at /);
        }
      }
    });
  }

  it('answers an unknown request name with unknown_request', async () => {
    for (const name of ['bulletin.explode', '', '__proto__', 'constructor', 42]) {
      const response = await studio.dispatch(name as string, {}, { actor: 'tester' });
      expect(response).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    }
  });

  it('reports which field is wrong', async () => {
    const response = await studio.dispatch('bulletin.create', { title: '', priority: 'urgent' }, { actor: 'tester' });
    expect(response.ok).toBe(false);
    if (!response.ok) {
      const paths = (response.error.details as { issues: { path: string[] }[] }).issues.map((i) => i.path.join('.'));
      expect(paths).toEqual(expect.arrayContaining(['title', 'priority']));
    }
  });

  it('words validation messages in the language of the interface', async () => {
    const message = async () => {
      const response = await studio.dispatch('bulletin.create', { title: '' }, { actor: 'tester' });
      return response.ok ? '' : response.error.message;
    };
    expect(await message()).toMatch(/Quá nhỏ/);
    await studio.call('settings.update', { uiLanguage: 'en' });
    expect(await message()).toMatch(/Too small/);
  });
});
