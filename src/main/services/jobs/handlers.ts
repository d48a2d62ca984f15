import type { Handlers } from '../../dispatch.ts';
import type { StudioServices } from '../../studio.ts';

export const jobHandlers = ({ jobs }: StudioServices) =>
  ({
    'job.list': () => jobs.list(),
    'job.cancel': ({ id }) => jobs.cancel(id),
  }) satisfies Partial<Handlers>;
