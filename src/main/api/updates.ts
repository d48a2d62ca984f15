import type { DomainHandlers } from './dispatch.ts';
import type { Updates } from '../services/updates/index.ts';

/** The updates requests (src/shared/api/updates.ts), one line each onto the service. */
export const updatesApi = ({ updates }: { updates: Updates }): DomainHandlers<'updates'> =>
  ({
    'updates.settings.get': () => updates.settings(),
    'updates.settings.update': (changes) => updates.updateSettings(changes),
    'updates.status': () => updates.status(),
    'updates.check': (arg) => updates.check(arg),
    'updates.download': () => updates.download(),
    'updates.install': (arg) => updates.install(arg),
    'updates.folder.prepare': (arg) => updates.prepareFolderJob(arg),
  });
