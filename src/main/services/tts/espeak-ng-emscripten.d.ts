/** The package ships no types; espeak.ts describes the parts it uses. */
declare module '@echogarden/espeak-ng-emscripten' {
  const init: (options?: Record<string, unknown>) => Promise<unknown>;
  export default init;
}
