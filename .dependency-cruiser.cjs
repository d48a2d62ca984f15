/**
 * The architecture as import rules (issue 9), checked by `npm run lint` in CI:
 * - a service reaches another service only through its face, `services/<domain>/index.ts`;
 * - services know nothing of the transports (api, dispatch, bridge, app, cli, studio start-up);
 * - `src/shared` is the contract: it imports nothing of main, preload or renderer;
 * - the renderer imports only `src/shared` and itself;
 * - only the Electron shell and the preload import `electron`.
 */
module.exports = {
  forbidden: [
    {
      name: 'service-through-face',
      comment: 'Ask another service through its index.ts, never its inner files.',
      severity: 'error',
      from: { path: '^src/main/services/([^/]+)/' },
      to: { path: '^src/main/services/[^/]+/', pathNot: ['^src/main/services/$1/', '^src/main/services/[^/]+/index\\.ts$'] },
    },
    {
      name: 'services-know-no-transport',
      comment: 'Requests are mapped onto services in src/main/api; services never import it, nor the transports.',
      severity: 'error',
      from: { path: '^src/main/services/' },
      to: { path: '^src/main/(api|bridge|app|cli)/|^src/main/studio[^/]*\\.ts$' },
    },
    {
      name: 'api-through-faces',
      comment: 'The request map reaches services only through their faces.',
      severity: 'error',
      from: { path: '^src/main/(api|cli|bridge|app)/|^src/main/studio[^/]*\\.ts$' },
      to: { path: '^src/main/services/[^/]+/', pathNot: '^src/main/services/[^/]+/index\\.ts$' },
    },
    {
      name: 'main-knows-no-screen',
      comment: 'The main process reaches the screen only through the contract (words both need live in src/shared).',
      severity: 'error',
      from: { path: '^src/(main|preload|source-server)/' },
      to: { path: '^src/renderer/' },
    },
    {
      name: 'shared-is-the-contract',
      comment: 'src/shared is imported by both sides; it imports neither.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(main|renderer|preload)/' },
    },
    {
      name: 'renderer-only-shared',
      comment: 'The screen talks to main only through the contract.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: '^src/(main|preload|source-server)/' },
    },
    {
      name: 'electron-only-in-shell',
      comment: 'Everything else must run under plain Node (tests, CLI, browser mode).',
      severity: 'error',
      from: { pathNot: '^src/(main/app|preload)/' },
      to: { path: '^electron$', dependencyTypes: ['npm', 'npm-dev', 'npm-no-pkg', 'unknown', 'undetermined'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
