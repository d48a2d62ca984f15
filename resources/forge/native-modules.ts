/**
 * Packages that cannot be bundled (native addons, or packages that load them at run time).
 * They stay external in the main build and are copied with their dependencies into the app.
 * serialport is listed ahead of its use (LED boards, issue 4): until it is a dependency, copying
 * skips it and nothing imports it.
 */
export const NATIVE_MODULES = ['better-sqlite3', 'onnxruntime-node', '@huggingface/transformers', 'serialport'];
