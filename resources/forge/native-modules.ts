/**
 * Packages that cannot be bundled (native addons, or packages that load them at run time).
 * They stay external in the main build and are copied with their dependencies into the app.
 * serialport is listed ahead of its use (LED boards, issue 4): until it is a dependency, copying
 * skips it and nothing imports it.
 */
export const NATIVE_MODULES = ['better-sqlite3', 'onnxruntime-node', '@huggingface/transformers', 'serialport'];

/** Compiled for Electron's ABI by @electron/rebuild during packaging. */
export const REBUILT_NATIVE_MODULES = ['better-sqlite3'] as const;
/** N-API prebuilds shipped in the package: copied, never rebuilt. */
export const PREBUILT_NATIVE_MODULES = ['onnxruntime-node', 'serialport', '@serialport/bindings-cpp'] as const;
