import { describe, expect, it } from 'vitest';
import { childWindowOptions } from '../../../src/main/app/child-windows.ts';

describe('child windows of the Electron shell', () => {
  it('opens the LED output of a notice as a frameless black window', () => {
    expect(childWindowOptions('studio://app/index.html#/led-output/7', undefined)).toMatchObject({ frame: false, backgroundColor: '#000000', resizable: false });
    expect(childWindowOptions('http://localhost:5173/#/led-output/12', 'http://localhost:5173')).toMatchObject({ frame: false });
  });

  it('refuses every other page and every foreign address', () => {
    expect(childWindowOptions('studio://app/index.html#/library', undefined)).toBeNull();
    expect(childWindowOptions('studio://app/index.html#/led-output/7/../x', undefined)).toBeNull();
    expect(childWindowOptions('https://example.org/#/led-output/7', undefined)).toBeNull();
    expect(childWindowOptions('http://localhost:5173/#/led-output/7', undefined)).toBeNull();
    expect(childWindowOptions('not a url', undefined)).toBeNull();
  });
});
