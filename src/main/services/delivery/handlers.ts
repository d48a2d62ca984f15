import type { Handlers } from '../../dispatch.ts';
import type { StudioServices } from '../../studio.ts';
import { StudioError } from '../../../shared/errors.ts';

// Contract first so the package/UI work can start; the outbox lands in the next commits.
const notYet = (): never => {
  throw new StudioError('internal', 'Chức năng gửi tin đang được xây dựng');
};

export const deliveryHandlers = (_s: StudioServices) =>
  ({
    'delivery.enqueue': notYet,
    'outbox.list': notYet,
    'outbox.get': notYet,
    'outbox.retry': notYet,
    'outbox.cancel': notYet,
    'outbox.refreshStatus': notYet,
    'delivery.testConnection': notYet,
    'delivery.settings.get': notYet,
    'delivery.settings.update': notYet,
  }) satisfies Partial<Handlers>;
