// Loader hook: `electron` (and its sub-paths) resolves to the recording stand-in.
const STAND_IN = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron' || specifier.startsWith('electron/')) return { url: STAND_IN, shortCircuit: true };
  return next(specifier, context);
}
