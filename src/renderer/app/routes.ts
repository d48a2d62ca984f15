import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface Route {
  /** First segment of the hash: #/<path>/<param>. */
  path: string;
  component: LazyExoticComponent<ComponentType<{ param?: string }>>;
  /** Shown in the side navigation with this `common` label key. */
  nav?: string;
  /** Drawn alone, without the side navigation (an output window). */
  bare?: boolean;
}

/** Every screen of the studio. Features add theirs here. */
export const routes: Route[] = [
  { path: 'library', nav: 'nav.library', component: lazy(() => import('../features/library/LibraryScreen.tsx')) },
  { path: 'bulletins', component: lazy(() => import('../features/bulletins/BulletinScreen.tsx')) },
  { path: 'recorder', nav: 'recorder:nav', component: lazy(() => import('../features/recorder/RecorderScreen.tsx')) },
  { path: 'editor', nav: 'editor:nav', component: lazy(() => import('../features/editor/EditorScreen.tsx')) },
  { path: 'programmes', nav: 'nav.programmes', component: lazy(() => import('../features/programmes/ProgrammesScreen.tsx')) },
  { path: 'outbox', nav: 'delivery:nav.outbox', component: lazy(() => import('../features/delivery/OutboxScreen.tsx')) },
  { path: 'connection', nav: 'delivery:nav.connection', component: lazy(() => import('../features/delivery/ConnectionScreen.tsx')) },
  { path: 'translation', nav: 'translation:nav', component: lazy(() => import('../features/translation/TranslationScreen.tsx')) },
  { path: 'tts', nav: 'tts:nav', component: lazy(() => import('../features/tts/TtsScreen.tsx')) },
  { path: 'reading', nav: 'reading:nav', component: lazy(() => import('../features/reading/ReadingScreen.tsx')) },
  { path: 'led', nav: 'led:nav', component: lazy(() => import('../features/led/LedScreen.tsx')) },
  { path: 'led-output', bare: true, component: lazy(() => import('../features/led/LedOutputScreen.tsx')) },
  { path: 'devices', nav: 'serial:nav', component: lazy(() => import('../features/serial/DevicesScreen.tsx')) },
  { path: 'areas', nav: 'nav.areas', component: lazy(() => import('../features/areas/AreasScreen.tsx')) },
  { path: 'settings', nav: 'nav.settings', component: lazy(() => import('../features/settings/SettingsScreen.tsx')) },
  // Reached from Settings (Cài đặt → Cập nhật) and from the update banner.
  { path: 'updates', component: lazy(() => import('../features/updates/UpdatesScreen.tsx')) },
];
