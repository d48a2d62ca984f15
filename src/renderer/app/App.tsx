import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../shared/transport.ts';
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
  const [connection, setConnection] = useState<ConnectionState>('connected');
  // Jobs show their progress and failures on the toggle; the panel never opens by itself over the
  // screen being worked on (each screen shows its own job's outcome where it was started).
  const jobs = useJobs();
  const running = jobs.filter((job) => job.state === 'running');
  const [seenFailures, setSeenFailures] = useState(0);
  const failed = jobs.filter((job) => job.state === 'failed').length;
  const unseenFailures = Math.max(0, failed - seenFailures);
  const toggleJobs = () => {
    setSeenFailures(failed);
    setJobsOpen((open) => !open);
  };
  useEffect(() => api.onConnection(setConnection), []);
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
        <button type="button" className="jobs-toggle" onClick={toggleJobs} data-testid="jobs-toggle">
          {t('nav.jobs')}
          {running.length > 0 && (
            <span className="badge jobs-count" data-testid="jobs-running">
              {running.length}
            </span>
          )}
          {unseenFailures > 0 && (
            <span className="badge jobs-failed" data-testid="jobs-failed" title={t('jobsFailed', { count: unseenFailures })}>
              {unseenFailures}
            </span>
          )}
        </button>
      </nav>
      <main className="content">
        {connection !== 'connected' && (
          <p className="notice notice-error" role="alert" data-testid="disconnected" data-connection={connection}>
            {t(`connection.${connection}`)}
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
