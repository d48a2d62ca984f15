/**
 * The Electron shell, proven without the Electron binary: the three targets are built with
 * Forge's own Vite config generator into a temporary folder (build-app.ts), the output is checked
 * as a packaged app would use it, and the built main.js runs under Node against a recording
 * stand-in for `electron` (stand-in/), with real worker threads and a real speech-engine child.
 * What only the real binary can show is in docs/release.md.
 */
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { FuseV1Options } from '@electron/fuses';
import { init as initLexer, parse as parseImports } from 'es-module-lexer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import forgeConfig, { ASAR_OPTIONS } from '../../forge.config.ts';
import { NATIVE_MODULES } from '../../resources/forge/native-modules.ts';
import { workerSources } from '../../resources/forge/worker-entries.ts';
import { CONTENT_SECURITY_POLICY, serveStatic } from '../../src/main/bridge/static-files.ts';
import { builtWorkerName } from '../../src/main/services/jobs/worker-files.ts';
import { requestNames } from '../../src/shared/api/index.ts';
import type { JobInfo } from '../../src/shared/api/jobs.ts';
import type { Response as CallResponse } from '../../src/shared/transport.ts';
import { writePiperVoice } from '../fixtures/voices/make-test-voices.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { makeRelease } from '../main/services/updates/release-fixture.ts';
import { PENDING_UPDATE_FILE, stringifyAppUpdateConfig } from '../../src/main/services/updates/index.ts';
import { buildApp, projectDir } from './build-app.ts';
import { runApp, type RunningApp } from './run-app.ts';

const temp = makeTempDir('studio-shell-');
const appDir = path.join(temp.dir, 'app');
const buildDir = path.join(appDir, '.vite/build');
const rendererDir = path.join(appDir, '.vite/renderer/main_window');
const builtJs = () => fs.readdirSync(buildDir).filter((file) => file.endsWith('.js') || file.endsWith('.cjs'));
const read = (file: string) => fs.readFileSync(path.join(buildDir, file), 'utf8');

beforeAll(async () => {
  await Promise.all([buildApp(appDir), initLexer]);
}, 600_000);
afterAll(() => temp.remove());

describe('the build, as `electron-forge package` makes it', () => {
  it('main.js is an ES module, as package.json declares, and needs only electron, Node and the native modules', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { type: string; main: string };
    expect(pkg.type).toBe('module');
    expect(path.join(appDir, pkg.main)).toBe(path.join(buildDir, 'main.js'));
    const main = read('main.js');
    expect(main).toMatch(/^import .* from "electron";/m);
    expect(main).not.toMatch(/\brequire\(\s*["']electron["']\s*\)/);
    // What main.js and its chunks import from outside the build: nothing copyNativeModules does not provide.
    const builtins = new Set(createRequire(import.meta.url)('node:module').builtinModules as string[]);
    const bare = new Set<string>();
    for (const file of builtJs().filter((f) => f.endsWith('.js'))) {
      const [imports] = parseImports(read(file));
      for (const { n: name } of imports) if (name && !name.startsWith('.')) bare.add(name);
    }
    expect(bare.has('electron')).toBe(true);
    const outside = [...bare].filter((name) => !name.startsWith('node:') && !builtins.has(name) && name !== 'electron');
    // tsx is imported only by the bootstraps, for .ts sources, which a build never has.
    expect(outside.filter((name) => name !== 'tsx/esm/api').sort()).toEqual(NATIVE_MODULES.filter((m) => outside.includes(m)).sort());
  });

  it('no worker or bootstrap is inlined as a data: URL, and every one is a file where the built code looks', () => {
    for (const file of builtJs()) {
      expect(read(file), file).not.toMatch(/data:(?:text\/javascript|application\/javascript|video\/mp2t|application\/typescript)/);
    }
    const sources = workerSources(projectDir);
    expect(sources).toEqual(expect.arrayContaining(['jobs/worker-bootstrap.mjs', 'jobs/process-bootstrap.mjs', 'tts/onnx-child-bootstrap.mjs', 'tts/onnx-child-main.ts']));
    expect(sources.filter((s) => s.endsWith('.worker.ts')).length).toBeGreaterThanOrEqual(12);
    for (const source of sources) expect(fs.existsSync(path.join(buildDir, builtWorkerName(source))), source).toBe(true);
    // Every call site names a module the build emits, and none uses the pattern Vite would inline.
    const srcFiles = (fs.readdirSync(path.join(projectDir, 'src/main'), { recursive: true }) as string[]).filter((f) => /\.[mc]?ts$/.test(f));
    for (const file of srcFiles) {
      const text = fs.readFileSync(path.join(projectDir, 'src/main', file), 'utf8');
      expect(text, file).not.toMatch(/new URL\(\s*['"`]\.{1,2}\/[^'"`]*\.(?:worker\.ts|mjs)['"`]\s*,\s*import\.meta\.url/);
      for (const match of text.matchAll(/worker(?:Url|Path)\(\s*[`'"]([^`'"]+)[`'"]/g)) {
        const names = match[1]!.includes('${') ? sources.filter((s) => new RegExp(`^${match[1]!.replace(/\$\{[^}]+\}/g, '[^/]+')}$`).test(s)) : [match[1]!];
        expect(names.length, `${file}: ${match[1]}`).toBeGreaterThan(0);
        for (const name of names) expect(sources, `${file}: ${name}`).toContain(name);
      }
    }
  });

  it('espeak-ng.data sits beside the chunk that loads it, and the screen where main.js serves it from', () => {
    const loaders = builtJs().filter((file) => read(file).includes('"espeak-ng.data"'));
    expect(loaders.length).toBeGreaterThan(0);
    const original = fs.statSync(path.join(projectDir, 'node_modules/@echogarden/espeak-ng-emscripten/espeak-ng.data')).size;
    for (const loader of loaders) expect(fs.statSync(path.join(buildDir, path.dirname(loader), 'espeak-ng.data')).size).toBe(original);
    expect(fs.existsSync(path.join(rendererDir, 'index.html'))).toBe(true);
  });

  it('the preload is CommonJS, requires only electron, and allows exactly the request map\'s names', async () => {
    const code = read('preload.cjs');
    expect(code.length).toBeLessThan(10_000); // no zod, no schemas
    const required: string[] = [];
    const invoked: string[] = [];
    let exposed: { call(name: string, arg: unknown): Promise<CallResponse> } | null = null;
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: typeof exposed) => key === 'studio' && (exposed = api) },
      ipcRenderer: { invoke: async (_channel: string, name: string) => (invoked.push(name), { ok: true, result: null }), on() {}, removeListener() {} },
    };
    const module = { exports: {} };
    // A sandboxed preload runs as a CommonJS function with a limited require.
    vm.runInNewContext(`(function (require, module, exports) {${code}\n})`, { Promise, Set })(
      (name: string) => (required.push(name), name === 'electron' ? electron : undefined),
      module,
      module.exports,
    );
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(exposed).not.toBeNull();
    for (const name of requestNames) await exposed!.call(name, {});
    expect(invoked).toEqual([...requestNames]);
    const refused = await exposed!.call('system.shutdown', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    expect(invoked).toHaveLength(requestNames.length);
  });

  it('the asar archive leaves out the native modules and every file a worker or child process opens', async () => {
    const asar = (await import('@electron/asar')) as unknown as { createPackageWithOptions(src: string, dest: string, options: object): Promise<void> };
    await asar.createPackageWithOptions(appDir, path.join(temp.dir, 'app.asar'), ASAR_OPTIONS);
    const unpacked = path.join(temp.dir, 'app.asar.unpacked/.vite/build');
    // Workers import the chunks beside them, so the whole build folder must be there.
    for (const file of fs.readdirSync(buildDir)) expect(fs.existsSync(path.join(unpacked, file)), file).toBe(true);
    // Native addons and their libraries: @electron/asar matches `unpack` against the file's path.
    const minimatch = createRequire(import.meta.url)('minimatch') as (p: string, g: string, o: object) => boolean;
    for (const name of ['better-sqlite3', 'onnxruntime-node']) {
      const files = (fs.readdirSync(path.join(projectDir, 'node_modules', name), { recursive: true }) as string[]).filter((f) => /\.(node|dll|so(\.\d+)*|dylib)$/.test(f));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(minimatch(path.join('/app/node_modules', name, file), ASAR_OPTIONS.unpack, { matchBase: true }), file).toBe(true);
    }
  });

  it('fuses: no running as Node, no NODE_OPTIONS or --inspect, asar only and checked; no code relies on RunAsNode', () => {
    const fuses = forgeConfig.plugins?.find((p) => (p as { name?: string }).name === 'fuses') as unknown as { fusesConfig: Record<number, boolean> };
    expect(fuses.fusesConfig[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses.fusesConfig[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses.fusesConfig[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses.fusesConfig[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses.fusesConfig[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses.fusesConfig[FuseV1Options.EnableCookieEncryption]).toBe(true);
    for (const file of builtJs()) expect(read(file), file).not.toContain('ELECTRON_RUN_AS_NODE');
  });
});

describe('the built main.js under Node, against a recording electron stand-in', () => {
  let app: RunningApp;
  const resources = path.join(temp.dir, 'resources');
  const userData = path.join(temp.dir, 'user-data');
  const call = (name: string, arg: unknown, frameUrl = 'studio://app/index.html', subFrame = false) =>
    app.command<CallResponse>('invoke', { channel: 'studio:call', frameUrl, subFrame, args: [name, arg] });
  const finished = (id: string) =>
    app.waitFor(() => app.sent.find((s) => s.channel === 'studio:event' && (s.payload as { name: string; payload: JobInfo }).name === 'job.finished' && (s.payload as { payload: JobInfo }).payload.id === id)?.payload as { payload: JobInfo } | undefined, `job ${id}`);

  beforeAll(async () => {
    fs.symlinkSync(path.join(projectDir, 'node_modules'), path.join(appDir, 'node_modules'), 'dir');
    writePiperVoice(path.join(resources, 'models/piper'), 'vi_VN-shell-x_low');
    // What the NSIS maker writes into the package: the updater glue reads the publisher from it.
    fs.writeFileSync(path.join(resources, 'app-update.yml'), stringifyAppUpdateConfig({ url: 'https://capnhat.example.invalid/studio/', publisherName: ['Studio shell test'], updaterCacheDirName: 'studio-updater' }));
    app = runApp(appDir, { STAND_IN_RESOURCES: resources, STAND_IN_USER_DATA: userData, STAND_IN_APP_DIR: appDir });
    // Records come over the IPC channel and output over stdout: the two may arrive in either
    // order, so wait for the record of the window's page itself.
    await app.waitFor(() => (app.records.some((r) => r.api === 'BrowserWindow.loadURL') ? true : undefined), 'the window');
  }, 300_000);
  afterAll(() => app?.kill());

  it('starts: schemes before ready, data in userData, a locked-down window with the built preload, loading studio://app', () => {
    const apis = app.records.map((r) => r.api);
    expect(apis.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(apis.indexOf('app.whenReady'));
    expect(fs.existsSync(userData)).toBe(true);
    const window = app.records.find((r) => r.api === 'BrowserWindow')!.detail.options as { webPreferences: Record<string, unknown> };
    expect(window.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: path.join(buildDir, 'preload.cjs') });
    expect(app.records.find((r) => r.api === 'BrowserWindow.loadURL')!.detail.url).toBe('studio://app/index.html');
  });

  it('studio:// serves the built screen with the same CSP as browser mode, and nothing outside it', async () => {
    const page = await app.command<{ status: number; headers: Record<string, string>; body: Buffer }>('serve', { scheme: 'studio', url: 'studio://app/index.html' });
    expect(page.status).toBe(200);
    expect(Buffer.from(page.body).toString()).toBe(fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8'));
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/media-src [^;]*studio-media:/);
    // The bridge's own handler, over real HTTP.
    const server = http.createServer((req, res) => serveStatic(rendererDir, new URL(req.url!, 'http://x').pathname, res, {}));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const bridged = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/index.html`);
    server.close();
    expect(bridged.headers.get('content-security-policy')).toBe(page.headers['content-security-policy']);
    // A sibling folder whose name starts like the screen's must stay out of reach too.
    fs.mkdirSync(`${rendererDir}-old`, { recursive: true });
    fs.writeFileSync(`${rendererDir}-old/secret.txt`, 'not for the screen');
    const siblings = [`studio://app/%2e%2e/${path.basename(rendererDir)}-old/secret.txt`, 'studio://app/%2e%2e/%2e%2e/%2e%2e/package.json'];
    for (const url of ['studio://app/../../package.json', 'studio://app/%2e%2e/package.json', 'studio://other/index.html', 'studio://app/nope.js', ...siblings]) {
      expect((await app.command<{ status: number }>('serve', { scheme: 'studio', url })).status, url).toBe(404);
    }
  });

  it('IPC: our main frame is dispatched; another origin or a sub-frame is refused', async () => {
    expect(await call('app.info', {})).toMatchObject({ ok: true, result: { transport: 'electron' } });
    for (const [url, sub] of [['https://evil.example/', false], ['studio://app/index.html', true], ['studio://elsewhere/index.html', false], ['file:///index.html', false]] as const) {
      expect(await call('app.info', {}, url, sub), url).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('the native file and folder dialogs through the platform: modal to the window, starting where the files face says, the chosen path back to the screen', async () => {
    const dialogs = () => app.records.filter((r) => r.api === 'dialog.showOpenDialog').map((r) => r.detail as { options: { properties: string[]; defaultPath: string; filters: { extensions: string[] }[] }; modal: boolean });
    const folder = await call('files.chooseFolder', { purpose: 'backup' });
    const shown = await app.waitFor(() => dialogs()[0], 'the folder dialog');
    expect(shown.modal).toBe(true);
    expect(shown.options.properties).toEqual(['openDirectory', 'createDirectory']);
    // Never the data folder: a backup there would be lost with it.
    expect(shown.options.defaultPath.startsWith(userData)).toBe(false);
    expect(folder).toEqual({ ok: true, result: { path: shown.options.defaultPath } });
    const file = await call('files.chooseFile', { purpose: 'audio' });
    const fileDialog = await app.waitFor(() => dialogs()[1], 'the file dialog');
    expect(fileDialog.options.properties).toEqual(['openFile']);
    expect(fileDialog.options.filters[0]!.extensions).toEqual(expect.arrayContaining(['mp3', 'wav', 'flac', 'ogg']));
    expect(file).toEqual({ ok: true, result: { path: fileDialog.options.defaultPath } });
  });

  it('the microphone only for our own pages; no navigation away', async () => {
    const ask = (requestingUrl: string, permission = 'media', mediaTypes = ['audio']) => app.command<boolean>('permissionRequest', { permission, requestingUrl, mediaTypes });
    expect(await ask('studio://app/index.html')).toBe(true);
    expect(await ask('https://evil.example/')).toBe(false);
    expect(await ask('studio://app/index.html', 'media', ['video'])).toBe(false);
    expect(await ask('studio://app/index.html', 'geolocation', [])).toBe(false);
    expect(await app.command('permissionCheck', { permission: 'media', origin: 'studio://app' })).toBe(true);
    expect(await app.command('permissionCheck', { permission: 'media', origin: 'https://evil.example' })).toBe(false);
    expect(await app.command('navigate', { url: 'https://evil.example/' })).toEqual({ prevented: true });
    expect(await app.command('navigate', { url: 'studio://app/index.html#/library' })).toEqual({ prevented: false });
  });

  it('a job started through IPC runs in the built workers, reports to the window, and its audio plays over studio-media:// with Range', async () => {
    const started = await call('tts.synthesize', { voiceId: 'builtin:vi', text: 'Xin chào bà con.' });
    expect(started.ok).toBe(true);
    const done = (await finished((started as { result: JobInfo }).result.id)).payload;
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    const file = (done.result as { file: string }).file;
    const bytes = fs.readFileSync(path.join(userData, file));
    const media = await app.command<{ status: number; headers: Record<string, string>; body: Buffer }>('serve', {
      scheme: 'studio-media',
      url: `studio-media://media/${file.split('/').map(encodeURIComponent).join('/')}`,
      headers: { range: 'bytes=0-99' },
    });
    expect(media.status).toBe(206);
    expect(media.headers['content-range']).toBe(`bytes 0-99/${bytes.length}`);
    expect(Buffer.compare(Buffer.from(media.body), bytes.subarray(0, 100))).toBe(0);
    // Events went to the studio's window only (the stand-in records every webContents.send).
    expect(app.sent.every((s) => s.channel === 'studio:event')).toBe(true);
    // The job ran in its own process, an Electron utility process running the built bootstrap
    // (the RunAsNode fuse is off: a Node fork of the app binary could not start).
    const jobFork = app.records.find((r) => r.api === 'utilityProcess.fork' && (r.detail as { modulePath: string }).modulePath.endsWith('process-bootstrap.js'));
    expect(jobFork?.detail).toMatchObject({ modulePath: path.join(buildDir, 'process-bootstrap.js'), serviceName: 'Studio process-bootstrap' });
  });

  it('a Piper voice from resources/models speaks through a utility process running the built child', async () => {
    const voices = (await call('voice.list', {})) as { ok: true; result: Array<{ id: string; source: string }> };
    const voice = voices.result.find((v) => v.source === 'models');
    expect(voice?.id).toBe('models:piper/vi_VN-shell-x_low.onnx');
    const started = await call('tts.synthesize', { voiceId: voice!.id, text: 'Xin chào bà con.', settings: { loudness: 'none' } });
    expect(started.ok, JSON.stringify(started)).toBe(true);
    const done = (await finished((started as { result: JobInfo }).result.id)).payload;
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    // The job's process asked the main process for the ONNX child (jobs/child-link.ts).
    const fork = app.records.find((r) => r.api === 'utilityProcess.fork' && (r.detail as { hasEntry: boolean }).hasEntry);
    expect(fork?.detail).toMatchObject({ modulePath: path.join(buildDir, 'onnx-child-bootstrap.js'), hasEntry: true });
  });

  it('updates from a folder through electron-updater: served on 127.0.0.1, progress to the window, library backed up before quitAndInstall', async () => {
    const usb = path.join(temp.dir, 'usb');
    makeRelease(usb, '9.0.0', { notes: 'Bản thử của bộ kiểm tra vỏ ứng dụng.' });
    const ok = async <T,>(name: string, arg: unknown): Promise<T> => {
      const response = await call(name, arg);
      if (!response.ok) throw new Error(`${name}: ${JSON.stringify(response.error)}`);
      return response.result as T;
    };
    expect(app.records.some((r) => r.api === 'electron-updater.autoUpdater')).toBe(true);
    expect(await ok('updates.status', {})).toMatchObject({ canInstall: true, state: { status: 'idle' } });
    await ok('updates.settings.update', { source: { kind: 'folder', path: usb } });
    expect(await ok('updates.check', {})).toMatchObject({ available: { version: '9.0.0', notes: 'Bản thử của bộ kiểm tra vỏ ứng dụng.' } });

    const download = await ok<JobInfo>('updates.download', {});
    expect((await finished(download.id)).payload).toMatchObject({ state: 'done', result: { version: '9.0.0' } });
    const feed = app.records.find((r) => r.api === 'autoUpdater.setFeedURL')!.detail.options as { provider: string; url: string };
    expect(feed.provider).toBe('generic');
    expect(feed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[\w-]{20,}\/$/);
    expect(app.records.filter((r) => r.api === 'autoUpdater.set').map((r) => r.detail)).toEqual(
      expect.arrayContaining([{ key: 'autoDownload', value: false }, { key: 'autoInstallOnAppQuit', value: false }, { key: 'allowDowngrade', value: false }]),
    );
    // The signature is checked against the publisher of the packaged app-update.yml.
    expect(app.records.find((r) => r.api === 'autoUpdater.verifyUpdateCodeSignature')!.detail.publisherNames).toEqual(['Studio shell test']);
    const states = app.sent.filter((s) => (s.payload as { name: string }).name === 'updates.changed').map((s) => (s.payload as { payload: { state: { status: string } } }).payload.state);
    expect(states.map((s) => s.status)).toEqual(expect.arrayContaining(['checking', 'available', 'downloading', 'ready']));
    expect(states.some((s) => s.status === 'downloading' && (s as { progress?: { percent: number } }).progress!.percent > 0)).toBe(true);
    // The folder is no longer served once the download is done.
    await expect(fetch(new URL('latest.yml', feed.url))).rejects.toThrow();

    const install = await ok<JobInfo>('updates.install', { when: 'now' });
    const installed = (await finished(install.id)).payload;
    expect(installed.state, JSON.stringify(installed.error)).toBe('done');
    // The screen learns the backup's path from the state it follows.
    const status = await ok<{ state: { status: string; backupPath?: string } }>('updates.status', {});
    expect(status.state.status).toBe('installing');
    const backupPath = status.state.backupPath!;
    expect(installed.result).toEqual({ version: '9.0.0', backupPath, when: 'now' });
    expect(fs.existsSync(path.join(backupPath, 'studio.sqlite'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(userData, PENDING_UPDATE_FILE), 'utf8'))).toMatchObject({ toVersion: '9.0.0', backupPath });
    const apis = app.records.map((r) => r.api);
    expect(app.records.find((r) => r.api === 'autoUpdater.quitAndInstall')!.detail).toEqual({ isSilent: true, isForceRunAfter: true });
    expect(apis.lastIndexOf('utilityProcess.fork')).toBeLessThan(apis.indexOf('autoUpdater.quitAndInstall'));
  });

  it('quits cleanly: jobs stopped, database closed, exit code 0', async () => {
    // Not awaited: the app may exit before its reply to the command is flushed.
    void app.command('quit').catch(() => undefined);
    expect(await app.exited, app.output().slice(-4000)).toBe(0);
  });

  it('after an update whose library cannot be opened, restores the pre-update backup, says so in a dialog and stops', async () => {
    // The update test above recorded a pending update to 9.0.0 with its backup; say it was to this version
    // (the build's package.json) and leave a database this version cannot open.
    const pending = JSON.parse(fs.readFileSync(path.join(userData, PENDING_UPDATE_FILE), 'utf8')) as { backupPath: string };
    const { version } = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { version: string };
    fs.writeFileSync(path.join(userData, PENDING_UPDATE_FILE), JSON.stringify({ fromVersion: '0.0.9', toVersion: version, backupPath: pending.backupPath }));
    for (const suffix of ['-wal', '-shm']) fs.rmSync(path.join(userData, `studio.sqlite${suffix}`), { force: true });
    fs.writeFileSync(path.join(userData, 'studio.sqlite'), 'not a database: what a failed upgrade can leave');
    app = runApp(appDir, { STAND_IN_RESOURCES: resources, STAND_IN_USER_DATA: userData, STAND_IN_APP_DIR: appDir });
    expect(await app.exited, app.output().slice(-4000)).toBe(1);
    const shown = app.records.find((r) => r.api === 'dialog.showErrorBox')!.detail as { content: string };
    expect(shown.content).toContain(`Thư viện đã được khôi phục từ bản sao lưu ${pending.backupPath}`);
    expect(shown.content).toContain('The library was restored from the backup');
    expect(app.records.some((r) => r.api === 'BrowserWindow')).toBe(false);
    expect(fs.readFileSync(path.join(userData, 'studio.sqlite')).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
