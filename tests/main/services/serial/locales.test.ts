/** Every serial error code, rejection reason, device state and next step has Vietnamese and English text. */
import { expect, it } from 'vitest';
import en from '../../../../src/renderer/features/serial/locales/en.json';
import vi from '../../../../src/renderer/features/serial/locales/vi.json';
import { ERROR_CODES } from '../../../../src/shared/errors.ts';

const SERIAL_CODES = ['serial_listing_failed', 'serial_port_unavailable', 'serial_disconnected', 'device_timeout', 'device_refused', 'device_cancelled', 'device_unidentified', 'firmware_rejected', 'verify_failed'];

it('the serial codes are registered and worded in both languages, with the same keys', () => {
  for (const code of SERIAL_CODES) expect(ERROR_CODES).toContain(code);
  for (const locale of [vi, en]) for (const code of SERIAL_CODES) expect((locale.errors as Record<string, string>)[code]).toBeTruthy();
  const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object).map((x) => `${k}.${x}`) : [k])).sort();
  expect(keys(vi)).toEqual(keys(en));
});
