import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import type { NativeDialogs } from '../services/files/index.ts';

/**
 * The operating system's own open dialogs, attached to the studio's window (modal to it). The
 * files service says where they start (the USB stick, Music, Documents) and what they filter.
 */
export const electronDialogs: NativeDialogs = {
  async openFile({ title, defaultPath, extensions }) {
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const options: OpenDialogOptions = {
      title,
      defaultPath,
      properties: ['openFile'],
      filters: extensions.length ? [{ name: extensions.map((e) => e.toUpperCase()).join(', '), extensions: [...extensions] }, { name: '*', extensions: ['*'] }] : [],
    };
    const { canceled, filePaths } = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return canceled ? null : (filePaths[0] ?? null);
  },
  async openFolder({ title, defaultPath }) {
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const options: OpenDialogOptions = { title, defaultPath, properties: ['openDirectory', 'createDirectory'] };
    const { canceled, filePaths } = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return canceled ? null : (filePaths[0] ?? null);
  },
};
