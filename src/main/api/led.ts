/** LED boards: each request mapped onto the service's face, nothing more. */
import type { DomainHandlers } from './dispatch.ts';
import type { LedService } from '../services/led/index.ts';

export const ledApi = ({ led }: { led: LedService }): DomainHandlers<'led'> =>
  ({
    'led.board.list': () => led.board.list(),
    'led.board.get': ({ id }) => led.board.get(id),
    'led.board.create': (profile, ctx) => led.board.create(profile, ctx.actor),
    'led.board.update': ({ id, profile }, ctx) => led.board.update(id, profile, ctx.actor),
    'led.board.delete': ({ id }, ctx) => led.board.delete(id, ctx.actor),
    'led.notice.list': (filter) => led.notice.list(filter),
    'led.notice.get': ({ id }) => led.notice.get(id),
    'led.notice.create': (fields, ctx) => led.notice.create(fields, ctx.actor),
    'led.notice.update': ({ id, changes }, ctx) => led.notice.update(id, changes, ctx.actor),
    'led.notice.delete': ({ id }, ctx) => led.notice.delete(id, ctx.actor),
    'led.notice.fromBulletin': (arg, ctx) => led.notice.fromBulletin(arg, ctx.actor),
    'led.notice.deliver': (arg) => led.notice.deliver(arg),
    'led.send': (arg) => led.send(arg),
    'led.export': (arg) => led.export(arg),
  });
