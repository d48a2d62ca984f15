import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { JobsPanel } from '../features/jobs/JobsPanel.tsx';
import { useJobs } from '../features/jobs/useJobs.ts';
import { UpdateBanner } from '../features/updates/UpdateBanner.tsx';
import { setUiLanguage } from '../i18n/index.ts';
import { routes } from './routes.ts';
import { useLocation } from './router.ts';

export function App() {
  const { t } = useTranslation();
  const location = useLocation();
  const [jobsOpen, setJobsOpen] = useState(false);
  const [disconnected, setDisconnected] = useState(false);
  // Jobs show their progress on the toggle; the panel opens by itself only when one fails,
  // so short jobs (a preview, a measurement) never cover the screen being worked on.
  const jobs = useJobs(() => setJobsOpen(true));
  const running = jobs.filter((job) => job.state === 'running');
  useEffect(() => api.onConnection((connected) => setDisconnected(!connected)), []);
  const route = routes.find((r) => r.path === location.path) ?? routes[0]!;
  const Screen = route.component;

  // The language chosen in Settings is stored with the library; follow it when it differs.
  useEffect(() => {
    api.call('settings.get', {}).then((settings) => setUiLanguage(settings.uiLanguage), () => undefined);
  }, []);

  if (route.bare)
    return (
      <Suspense fallback={null}>
        <Screen key={`${route.path}/${location.param ?? ''}`} param={location.param} />
      </Suspense>
    );

  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('appName')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden>
            ◉
          </span>
          <span>{t('appName')}</span>
        </div>
        <ul>
          {routes
            .filter((r) => r.nav)
            .map((r) => (
              <li key={r.path}>
                <a href={`#/${r.path}`} className={r.path === route.path ? 'active' : ''} data-nav={r.path}>
                  {t(r.nav!)}
                </a>
              </li>
            ))}
        </ul>
        <button type="button" className="jobs-toggle" onClick={() => setJobsOpen((open) => !open)} data-testid="jobs-toggle">
          {t('nav.jobs')}
          {running.length > 0 && (
            <span className="badge jobs-count" data-testid="jobs-running">
              {running.length}
            </span>
          )}
        </button>
      </nav>
      <main className="content">
        {disconnected && (
          <p className="notice notice-error" role="alert" data-testid="disconnected">
            {t('disconnected')}
          </p>
        )}
        <UpdateBanner />
        <Suspense fallback={<p className="muted">{t('loading')}</p>}>
          <Screen key={`${route.path}/${location.param ?? ''}`} param={location.param} />
        </Suspense>
      </main>
      <JobsPanel jobs={jobs} open={jobsOpen} onClose={() => setJobsOpen(false)} />
    </div>
  );
}
