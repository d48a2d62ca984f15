import type { BrowserWindowConstructorOptions } from 'electron';
import { isOwnUrl } from './origin.ts';

/**
 * The one kind of child window the studio opens: the LED synchronous output (#/led-output/<id>),
 * which a NovaStar/LinsN card mirrors from the screen. Frameless, fixed, on top, black, at the
 * position and size the screen asked for in window.open's features (Electron applies those).
 * Anything else: null (denied by the caller).
 */
export function childWindowOptions(url: string, devServerUrl: string | undefined): BrowserWindowConstructorOptions | null {
  if (!isOwnUrl(url, devServerUrl)) return null;
  if (!/^#\/led-output\/\d+$/.test(new URL(url).hash)) return null;
  return {
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    hasShadow: false,
    useContentSize: true,
    backgroundColor: '#000000',
    title: 'Studio LED',
  };
}
