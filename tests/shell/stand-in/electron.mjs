/**
 * A recording stand-in for the `electron` module, for running the built main.js under plain Node
 * (tests/shell). It implements only what the shell uses, records every call, and lets the test
 * (the parent process, over Node's IPC channel) reach what the shell registered: protocol
 * handlers, IPC handlers, permission handlers and the windows. Never used outside tests/shell.
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const record = (api, detail = {}) => process.send?.({ type: 'record', api, detail });

process.resourcesPath = process.env.STAND_IN_RESOURCES;

class App extends EventEmitter {
  isPackaged = true;
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return true;
  }
  whenReady() {
    record('app.whenReady');
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
  getPath(name) {
    record('app.getPath', { name });
    if (name !== 'userData') throw new Error(`stand-in: no path ${name}`);
    return process.env.STAND_IN_USER_DATA;
  }
  getAppPath() {
    return process.env.STAND_IN_APP_DIR;
  }
  quit() {
    record('app.quit');
    let prevented = false;
    this.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.exit(0);
  }
  exit(code = 0) {
    record('app.exit', { code });
    process.exit(code);
  }
}
export const app = new App();

const windows = [];
class WebContents extends EventEmitter {
  openHandler = null;
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
  send(channel, payload) {
    process.send?.({ type: 'sent', channel, payload });
  }
}
export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    this.destroyed = false;
    windows.push(this);
    record('BrowserWindow', { options });
  }
  loadURL(url) {
    record('BrowserWindow.loadURL', { url });
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  focus() {}
  show() {}
  static getAllWindows() {
    return windows.filter((w) => !w.destroyed);
  }
  static getFocusedWindow() {
    return windows.find((w) => !w.destroyed) ?? null;
  }
}

const protocolHandlers = new Map();
export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', { schemes });
  },
  handle(scheme, handler) {
    record('protocol.handle', { scheme });
    protocolHandlers.set(scheme, handler);
  },
};

const ipcHandlers = new Map();
export const ipcMain = {
  handle(channel, handler) {
    record('ipcMain.handle', { channel });
    ipcHandlers.set(channel, handler);
  },
};

const permissions = { request: null, check: null };
export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      permissions.request = handler;
    },
    setPermissionCheckHandler(handler) {
      permissions.check = handler;
    },
  },
};

export const safeStorage = {
  // As on a Linux without a keyring: the studio falls back to its 0600 file.
  isEncryptionAvailable: () => false,
  encryptString: () => {
    throw new Error('stand-in: no encryption');
  },
  decryptString: () => {
    throw new Error('stand-in: no encryption');
  },
};

export const dialog = {
  // As a user who accepts where the dialog opened (a window first: the dialog is modal to it).
  showOpenDialog: async (...args) => {
    const options = args.length > 1 ? args[1] : args[0];
    record('dialog.showOpenDialog', { options, modal: args.length > 1 && args[0] instanceof BrowserWindow });
    return options.defaultPath ? { canceled: false, filePaths: [options.defaultPath] } : { canceled: true, filePaths: [] };
  },
  showSaveDialog: async (options) => (record('dialog.showSaveDialog', { options }), { canceled: true }),
  showErrorBox: (title, content) => record('dialog.showErrorBox', { title, content }),
};

export const shell = { openExternal: async (url) => record('shell.openExternal', { url }) };

const PARENT_PORT = fileURLToPath(new URL('./parent-port.mjs', import.meta.url));

/** A utility process, run as a forked Node process that has `process.parentPort` (parent-port.mjs). */
export const utilityProcess = {
  fork(modulePath, args = [], options = {}) {
    record('utilityProcess.fork', { modulePath, serviceName: options.serviceName, hasEntry: Boolean(options.env?.STUDIO_ONNX_CHILD_ENTRY) });
    const emitter = new EventEmitter();
    const child = fork(modulePath, args, {
      env: options.env,
      execArgv: ['--import', PARENT_PORT],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('spawn', () => emitter.emit('spawn'));
    child.on('message', (message) => emitter.emit('message', message));
    child.on('exit', (code, signal) => emitter.emit('exit', code ?? (signal ? 1 : 0)));
    // Electron's UtilityProcess has no 'error' event: a message to a process that has just ended
    // is lost, not thrown at the main process. Recorded, so a test can still see it.
    child.on('error', (error) => record('utilityProcess.error', { code: error.code }));
    emitter.postMessage = (message) => child.send(message);
    emitter.kill = () => child.kill();
    return emitter;
  },
};

export default { app, BrowserWindow, protocol, ipcMain, session, safeStorage, dialog, shell, utilityProcess };

// ---- What the test asks of the running shell ----

async function serve(scheme, url, headers) {
  const handler = protocolHandlers.get(scheme);
  if (!handler) throw new Error(`no handler for ${scheme}:`);
  const response = await handler(new Request(url, { headers }));
  return { status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) };
}

const frame = (url, subFrame) => ({ url, parent: subFrame ? { url: 'studio://app/index.html' } : null });

const commands = {
  serve: ({ scheme, url, headers }) => serve(scheme, url, headers),
  invoke: async ({ channel, frameUrl, subFrame, args }) => {
    const handler = ipcHandlers.get(channel);
    if (!handler) throw new Error(`no IPC handler on ${channel}`);
    return handler({ senderFrame: frame(frameUrl, subFrame), sender: windows[0]?.webContents }, ...args);
  },
  permissionRequest: ({ permission, requestingUrl, mediaTypes }) =>
    new Promise((resolve) => permissions.request(windows[0]?.webContents, permission, resolve, { requestingUrl, mediaTypes, isMainFrame: true })),
  permissionCheck: ({ permission, origin }) => permissions.check(windows[0]?.webContents, permission, origin, {}),
  navigate: ({ url }) => {
    let prevented = false;
    windows[0].webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
    return { prevented };
  },
  quit: () => app.quit(),
};

process.on('message', async (message) => {
  if (message?.type !== 'command') return;
  try {
    const result = await commands[message.name](message.arg ?? {});
    process.send({ type: 'reply', id: message.id, ok: true, result });
  } catch (error) {
    process.send({ type: 'reply', id: message.id, ok: false, error: String(error?.stack ?? error) });
  }
});
export const __standIn = { path: path.resolve(fileURLToPath(import.meta.url)) };
