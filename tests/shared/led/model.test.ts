import { describe, expect, it } from 'vitest';
import { BoardProfile, Programme, ProgrammeSchedule, boardSize, brightnessAt, programmePlaysAt } from '../../../src/shared/led';

const profile = {
  name: 'Bảng tin xã',
  moduleType: 'P10-32x16',
  modulesAcross: 12,
  modulesDown: 12,
  colourClass: 'single',
  controller: { kind: 'bx-tcp', model: 'BX-5K2', host: '192.168.1.50' },
};

describe('board profile', () => {
  it('derives the pixel size from modules, with working defaults', () => {
    const parsed = BoardProfile.parse(profile);
    expect(boardSize(parsed)).toEqual({ width: 384, height: 192 });
    expect(parsed.controller).toMatchObject({ port: 5005, address: 1 });
    expect(parsed.brightness).toEqual([{ from: '00:00', percent: 100 }]);
  });

  it('needs a module size for a custom module, and rejects bad input with a path', () => {
    const custom = BoardProfile.safeParse({ ...profile, moduleType: 'custom' });
    expect(custom.success).toBe(false);
    expect(custom.error?.issues[0]?.path).toEqual(['moduleWidth']);
    const ok = BoardProfile.parse({ ...profile, moduleType: 'custom', moduleWidth: 40, moduleHeight: 20, modulesAcross: 2, modulesDown: 1 });
    expect(boardSize(ok)).toEqual({ width: 80, height: 20 });
    expect(BoardProfile.safeParse({ ...profile, controller: { kind: 'bx-tcp', model: 'BX-5K2', host: 'x', port: 70000 } }).success).toBe(false);
  });

  it('takes brightness from the latest step, wrapping past midnight', () => {
    const steps = [
      { from: '06:00', percent: 100 },
      { from: '18:30', percent: 60 },
      { from: '22:00', percent: 20 },
    ];
    expect(brightnessAt(steps, '12:00')).toBe(100);
    expect(brightnessAt(steps, '19:00')).toBe(60);
    expect(brightnessAt(steps, '03:00')).toBe(20);
  });
});

describe('programme', () => {
  it('rejects an area outside the board and a font size not offered', () => {
    const base = { name: 'P', width: 64, height: 32 };
    const outside = Programme.safeParse({ ...base, areas: [{ kind: 'text', x: 32, y: 0, width: 64, height: 16, pages: [{ text: 'a', size: 16 }] }] });
    expect(outside.error?.issues[0]?.message).toBe('area lies outside the board');
    const size = Programme.safeParse({ ...base, areas: [{ kind: 'text', x: 0, y: 0, width: 64, height: 16, pages: [{ text: 'a', size: 17 }] }] });
    expect(size.error?.issues[0]?.message).toMatch(/font size/);
  });
});

describe('programme schedule', () => {
  const vn = (iso: string): number => Date.parse(`${iso}+07:00`);
  const schedule = ProgrammeSchedule.parse({
    from: '2026-06-01',
    until: '2026-06-30',
    weekdays: [1, 2, 3, 4, 5],
    windows: [
      { from: '06:00', until: '08:00' },
      { from: '22:00', until: '01:00' },
    ],
  });

  it('plays inside the dates, weekdays and windows of the board clock', () => {
    expect(programmePlaysAt(schedule, vn('2026-06-01T06:30:00'))).toBe(true); // Monday morning
    expect(programmePlaysAt(schedule, vn('2026-06-01T08:00:00'))).toBe(false); // window end is exclusive
    expect(programmePlaysAt(schedule, vn('2026-06-02T23:30:00'))).toBe(true); // window past midnight
    expect(programmePlaysAt(schedule, vn('2026-06-03T00:30:00'))).toBe(true);
    expect(programmePlaysAt(schedule, vn('2026-06-06T06:30:00'))).toBe(false); // Saturday
    expect(programmePlaysAt(schedule, vn('2026-07-01T06:30:00'))).toBe(false); // after the range
  });

  it('plays all day, every day, by default', () => {
    expect(programmePlaysAt(ProgrammeSchedule.parse({}), vn('2026-12-25T03:17:00'))).toBe(true);
  });
});

describe('board clock', () => {
  it('reads brightness steps on Vietnam time whatever the PC zone', async () => {
    const { boardClockTime } = await import('../../../src/shared/led');
    expect(boardClockTime(Date.parse('2026-12-02T04:53:10Z'))).toBe('11:53');
    expect(boardClockTime(Date.parse('2026-12-02T20:00:00Z'))).toBe('03:00');
    expect(boardClockTime(Date.parse('2026-12-02T20:00:00Z'), 0)).toBe('20:00');
  });
});
