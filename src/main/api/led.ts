/** LED boards: each request mapped onto the service's face, nothing more. */
import type { Handlers } from '../dispatch.ts';
import type { LedService } from '../services/led/index.ts';

export const ledApi = ({ led }: { led: LedService }) =>
  ({
    'led.board.list': () => led.board.list(),
    'led.board.get': ({ id }) => led.board.get(id),
    'led.board.create': (profile) => led.board.create(profile),
    'led.board.update': ({ id, profile }) => led.board.update(id, profile),
    'led.board.delete': ({ id }) => led.board.delete(id),
    'led.notice.list': (filter) => led.notice.list(filter),
    'led.notice.get': ({ id }) => led.notice.get(id),
    'led.notice.create': (fields) => led.notice.create(fields),
    'led.notice.update': ({ id, changes }) => led.notice.update(id, changes),
    'led.notice.delete': ({ id }) => led.notice.delete(id),
    'led.notice.fromBulletin': (arg) => led.notice.fromBulletin(arg),
    'led.notice.deliver': (arg) => led.notice.deliver(arg),
    'led.send': (arg) => led.send(arg),
    'led.export': (arg) => led.export(arg),
  }) satisfies Partial<Handlers>;
