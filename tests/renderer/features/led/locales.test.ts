import fs from 'node:fs';
import { expect, it } from 'vitest';
import { describeError } from '../../../../src/shared/errors.ts';

const read = (lang: string) => JSON.parse(fs.readFileSync(new URL(`../../../../src/renderer/features/led/locales/${lang}.json`, import.meta.url), 'utf8'));
const keys = (o: object): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v).map((x) => `${k}.${x}`) : [k])).sort();

it('the LED screen has the same words in Vietnamese and English, none empty', () => {
  const [vi, en] = [read('vi'), read('en')];
  expect(keys(vi)).toEqual(keys(en));
  for (const locale of [vi, en]) for (const key of keys(locale)) expect(key.split('.').reduce((o: any, k) => o[k], locale), key).not.toBe('');
});

it('words every reason the LED service gives, and every LED error code in both languages', () => {
  const vi = read('vi');
  for (const reason of ['led_board_name_taken', 'led_notice_larger_than_board', 'led_notice_without_bulletin', 'not_bx', 'no_dot_matrix', 'full_colour']) expect(vi.errors[reason]).toBeTruthy();
  for (const code of ['led_board_no_answer', 'led_board_refused', 'led_board_unreachable', 'led_controller_unsupported'] as const) {
    expect(describeError({ code, message: '' }, 'vi')).toMatch(/bảng LED|Bộ điều khiển/i);
    expect(describeError({ code, message: '' }, 'en')).toMatch(/LED board|controller/i);
  }
});

it('names every module type, colour class, controller, effect and colour the designer offers', async () => {
  const { COLOUR_CLASSES, Controller, EFFECTS, LED_COLOURS, ModuleType } = await import('../../../../src/shared/led/index.ts');
  for (const locale of [read('vi'), read('en')]) {
    for (const m of ModuleType.options) expect(locale.board.moduleTypes[m.replace('.', '_')], m).toBeTruthy();
    for (const c of COLOUR_CLASSES) expect(locale.board.colourClasses[c], c).toBeTruthy();
    for (const option of Controller.options) expect(locale.board.controllers[option.shape.kind.value], option.shape.kind.value).toBeTruthy();
    for (const e of EFFECTS) expect(locale.page.effects[e], e).toBeTruthy();
    for (const c of LED_COLOURS) expect(locale.page.colours[c], c).toBeTruthy();
  }
});
