import { describe, expect, it } from 'vitest';
import { useService } from './open-service.ts';

describe('languages as data', () => {
  const opened = useService();

  it('holds Vietnamese and the languages of the field with ISO 639-3 codes, scripts and direction', () => {
    const languages = opened.service.languages.list();
    expect(languages.map((l) => l.code).sort()).toEqual(
      ['bdq', 'blt', 'cjm', 'cmo', 'hnj', 'ium', 'jra', 'khm', 'kpm', 'ktv', 'nut', 'rad', 'sed', 'tyz', 'vie'].sort(),
    );
    expect(opened.service.languages.get('vi')).toMatchObject({ code: 'vie', nameVi: 'Tiếng Việt', scripts: ['Latn'], direction: 'ltr', builtIn: true });
    expect(opened.service.languages.get('blt')!.scripts).toEqual(['Tavt', 'Latn']);
    expect(opened.service.languages.get('khm')).toMatchObject({ nameVi: 'Khmer', nameNative: 'ភាសាខ្មែរ', scripts: ['Khmr'] });
    expect(opened.service.languages.get('cjm')!.scripts).toEqual(['Cham', 'Latn']);
  });

  it('lets a province add, edit and remove a language, usable in TM pairs at once', () => {
    const added = opened.service.languages.save({ code: 'kjm', nameVi: 'Khơ Mú', nameNative: null, scripts: ['Latn'], direction: 'ltr', region: 'Nghệ An' });
    expect(added).toMatchObject({ code: 'kjm', builtIn: false });
    expect(opened.service.tm.add('vi', 'kjm', [{ source: 'mưa', target: 'klɛh' }]).added).toBe(1);
    opened.service.languages.save({ ...added, nameNative: 'Kmhmu' });
    expect(opened.service.languages.get('kjm')!.nameNative).toBe('Kmhmu');
    opened.service.languages.remove('kjm');
    expect(() => opened.service.languages.get('kjm')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('refuses a bad language and keeps the built-in ones', () => {
    expect(() => opened.service.languages.save({ code: 'toolong', nameVi: '', nameNative: null, scripts: [], direction: 'ltr', region: null })).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => opened.service.languages.remove('tyz')).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => opened.service.tm.add('vi', 'zzz', [{ source: 'a', target: 'b' }])).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
