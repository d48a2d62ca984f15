/**
 * LED board content model, as the controller tools have it: board profile; programme → areas
 * (text, clock/date, countdown, static image) → pages. Zod schemas validate every shape that
 * crosses a boundary (requests, notice packages, stored profiles); types are inferred from them.
 */
import { z } from 'zod';
import { LED_FONT_SIZES, isLedFontSize, type LedFontSize } from './font-sizes';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const positiveInt = z.number().int().positive();

/** Common modules; `custom` takes its own pixel size. */
export const MODULE_TYPES = {
  'P10-32x16': { width: 32, height: 16 },
  'P5-64x32': { width: 64, height: 32 },
  'P4.75-64x32': { width: 64, height: 32 },
} as const;
export const ModuleType = z.enum(['P10-32x16', 'P5-64x32', 'P4.75-64x32', 'custom']);

export const COLOUR_CLASSES = ['single', 'dual', 'full'] as const;
export const ColourClass = z.enum(COLOUR_CLASSES);
export type ColourClass = z.infer<typeof ColourClass>;
/** Palette indices as in Onbon's colour enumeration; 0 is an unlit pixel. */
export const LED_COLOURS = ['red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;
export const LedColour = z.enum(LED_COLOURS);
export type LedColour = z.infer<typeof LedColour>;
export const colourIndex = (colour: LedColour): number => LED_COLOURS.indexOf(colour) + 1;
/** The colours a board of each class can light. */
export const CLASS_COLOURS: Record<z.infer<typeof ColourClass>, readonly LedColour[]> = {
  single: ['red'],
  dual: ['red', 'green', 'yellow'],
  full: LED_COLOURS,
};

export const Controller = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('bx-serial'),
    model: z.enum(['BX-5K1', 'BX-5K2', 'BX-5MK', 'BX-6K']),
    path: z.string().min(1),
    baudRate: z.union([z.literal(9600), z.literal(57600), z.literal(115200)]).default(57600),
    address: z.number().int().min(1).max(0xfffe).default(1),
  }),
  z.strictObject({
    kind: z.literal('bx-tcp'),
    model: z.enum(['BX-5K1', 'BX-5K2', 'BX-5MK', 'BX-6K']),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(5005),
    address: z.number().int().min(1).max(0xfffe).default(1),
  }),
  /** NovaStar/LinsN: the card mirrors a screen region; the studio draws the board there. */
  z.strictObject({ kind: z.literal('mirror'), screenX: z.number().int(), screenY: z.number().int() }),
  z.strictObject({ kind: z.literal('image-only') }),
]);
export type Controller = z.infer<typeof Controller>;

export const BrightnessStep = z.strictObject({ from: clockTime, percent: z.number().int().min(0).max(100) });

export const BoardProfile = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    moduleType: ModuleType,
    /** Pixel size of one module; required for `custom`, implied by the others. */
    moduleWidth: positiveInt.max(256).optional(),
    moduleHeight: positiveInt.max(256).optional(),
    modulesAcross: positiveInt.max(64),
    modulesDown: positiveInt.max(64),
    colourClass: ColourClass,
    controller: Controller,
    brightness: z.array(BrightnessStep).max(24).default([{ from: '00:00', percent: 100 }]),
    /** The area (commune, district…) of the area tree this board stands in. */
    areaId: z.number().int().positive().nullable().default(null),
  })
  .refine((p) => p.moduleType !== 'custom' || (p.moduleWidth && p.moduleHeight), {
    message: 'a custom module needs moduleWidth and moduleHeight',
    path: ['moduleWidth'],
  });
export type BoardProfile = z.infer<typeof BoardProfile>;

export function boardSize(profile: Pick<BoardProfile, 'moduleType' | 'moduleWidth' | 'moduleHeight' | 'modulesAcross' | 'modulesDown'>): {
  width: number;
  height: number;
} {
  const module =
    profile.moduleType === 'custom'
      ? { width: profile.moduleWidth ?? 0, height: profile.moduleHeight ?? 0 }
      : MODULE_TYPES[profile.moduleType];
  return { width: module.width * profile.modulesAcross, height: module.height * profile.modulesDown };
}

/** Brightness in percent at a clock time "HH:MM": the last step at or before it (wrapping midnight). */
export function brightnessAt(steps: z.infer<typeof BrightnessStep>[], time: string): number {
  const sorted = [...steps].sort((a, b) => a.from.localeCompare(b.from));
  const before = sorted.filter((s) => s.from <= time);
  return (before.at(-1) ?? sorted.at(-1))?.percent ?? 100;
}

export const EFFECTS = ['static', 'move-left', 'scroll-left', 'move-up', 'blink'] as const;
export const Effect = z.enum(EFFECTS);
export type Effect = z.infer<typeof Effect>;

export const Page = z.strictObject({
  text: z.string().max(2000),
  size: z.custom<LedFontSize>((v) => typeof v === 'number' && isLedFontSize(v), {
    message: `font size in pixels, one of ${LED_FONT_SIZES.join(', ')}`,
  }),
  align: z.enum(['left', 'centre', 'right']).default('centre'),
  colour: LedColour.default('red'),
  effect: Effect.default('static'),
  /** Pixels per second for moving effects; blink toggles every 500 ms at any speed. */
  speed: z.number().positive().max(1000).default(32),
  /** Milliseconds the page stays still once in place (a scroll page: at least one full pass). */
  stayMs: z.number().int().min(0).max(600_000).default(5000),
  repeats: z.number().int().min(1).max(100).default(1),
  tonePlacement: z.enum(['old', 'new']).default('old'),
});
export type Page = z.infer<typeof Page>;

const Rect = { x: z.number().int().min(0), y: z.number().int().min(0), width: positiveInt, height: positiveInt };

export const Area = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), ...Rect, pages: z.array(Page).min(1).max(100) }),
  z.strictObject({
    kind: z.literal('clock'),
    ...Rect,
    format: z.enum(['HH:mm', 'HH:mm:ss', 'dd/MM/yyyy', 'dd/MM/yyyy HH:mm']).default('HH:mm'),
    size: Page.shape.size,
    align: Page.shape.align,
    colour: LedColour.default('red'),
    /** Minutes east of UTC of the board's clock (Vietnam: +420). */
    utcOffsetMinutes: z.number().int().min(-720).max(840).default(420),
  }),
  z.strictObject({
    kind: z.literal('countdown'),
    ...Rect,
    /** ISO date-time the countdown reaches zero at. */
    target: z.iso.datetime({ offset: true }),
    /** Text around the number of days: "{days}" is replaced, e.g. "Còn {days} ngày đến bầu cử". */
    template: z.string().min(1).max(200),
    size: Page.shape.size,
    align: Page.shape.align,
    colour: LedColour.default('red'),
  }),
  z.strictObject({
    kind: z.literal('image'),
    ...Rect,
    /** 1-bit image, rows of '#' (lit) and '.' (dark), exactly width × height. */
    pixels: z.string(),
    colour: LedColour.default('red'),
  }),
]);
export type Area = z.infer<typeof Area>;

const weekday = z.number().int().min(0).max(6);
export const ProgrammeSchedule = z.strictObject({
  from: z.iso.date().optional(),
  until: z.iso.date().optional(),
  /** 0 = Sunday … 6 = Saturday; empty = every day. */
  weekdays: z.array(weekday).max(7).default([]),
  windows: z.array(z.strictObject({ from: clockTime, until: clockTime })).max(12).default([]),
});

export const Programme = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    width: positiveInt.max(4096),
    height: positiveInt.max(4096),
    areas: z.array(Area).min(1).max(16),
    schedule: ProgrammeSchedule.default({ weekdays: [], windows: [] }),
  })
  .superRefine((p, ctx) => {
    p.areas.forEach((a, i) => {
      if (a.x + a.width > p.width || a.y + a.height > p.height)
        ctx.addIssue({ code: 'custom', message: 'area lies outside the board', path: ['areas', i] });
    });
  });
export type Programme = z.infer<typeof Programme>;
export type ProgrammeInput = z.input<typeof Programme>;
