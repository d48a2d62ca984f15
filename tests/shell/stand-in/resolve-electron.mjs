// Loader hook: `electron` (and its sub-paths) and `electron-updater` resolve to the recording stand-ins.
const STAND_IN = new URL('./electron.mjs', import.meta.url).href;
const UPDATER_STAND_IN = new URL('./electron-updater.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron' || specifier.startsWith('electron/')) return { url: STAND_IN, shortCircuit: true };
  if (specifier === 'electron-updater') return { url: UPDATER_STAND_IN, shortCircuit: true };
  return next(specifier, context);
}
