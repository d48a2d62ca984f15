/**
 * electron-updater stays a package of its own beside main.js (copied with its dependencies like
 * the native ones): it requires `electron` when its updater is made, and the shell suite stands
 * in for it there (tests/shell/stand-in/electron-updater.mjs) to see the calls the glue makes.
 */
export const UNBUNDLED_MODULES = ['electron-updater'];

/**
 * Packages that cannot be bundled (native addons, or packages that load them at run time).
 * They stay external in the main build and are copied with their dependencies into the app.
 * serialport is listed ahead of its use (LED boards, issue 4): until it is a dependency, copying
 * skips it and nothing imports it.
 */
export const NATIVE_MODULES = ['better-sqlite3', 'onnxruntime-node', '@huggingface/transformers', 'serialport', ...UNBUNDLED_MODULES];

/** Compiled for Electron's ABI by @electron/rebuild during packaging. */
export const REBUILT_NATIVE_MODULES = ['better-sqlite3'] as const;
/** N-API prebuilds shipped in the package: copied, never rebuilt. */
export const PREBUILT_NATIVE_MODULES = ['onnxruntime-node', 'serialport', '@serialport/bindings-cpp'] as const;
