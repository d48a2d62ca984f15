/**
 * Packages that cannot be bundled (native addons, or packages that load them at run time).
 * They stay external in the main build and are copied with their dependencies into the app.
 */
export const NATIVE_MODULES = ['better-sqlite3', 'onnxruntime-node', '@huggingface/transformers', 'serialport'];
