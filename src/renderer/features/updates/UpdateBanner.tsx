import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '../../../shared/api/updates.ts';
import { api } from '../../api/client.ts';
import { useStudioEvent } from '../../api/hooks.ts';

/** A quiet line at the top of every screen once an update is downloaded and ready to install. */
export function UpdateBanner() {
  const { t } = useTranslation('updates');
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  useEffect(() => {
    api.call('updates.status', {}).then(setStatus, () => undefined);
  }, []);
  useStudioEvent('updates.changed', setStatus);
  if (status?.state.status !== 'ready') return null;
  return (
    <p className="notice" role="status" data-testid="update-banner">
      <span>{t('banner', { version: status.state.version })}</span>
      <a href="#/updates">{t('bannerOpen')}</a>
    </p>
  );
}
