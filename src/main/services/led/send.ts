/**
 * Sends a notice to a board profile's controller: renders the programme's frame at `atMs` with
 * the shared rasteriser and uploads it as a dot-matrix area over TCP or serial.
 */
import { StudioError } from '../../../shared/errors';
import { BoardProfile, boardFrame, type Controller, type FrameClock, type Programme } from '../../../shared/led';

type BxController = Extract<Controller, { kind: 'bx-tcp' | 'bx-serial' }>;
import { openSerialLink } from './bx/serial-port';
import { sendDotMatrix, type SendOptions, type SendReport } from './bx/sender';
import { openTcpLink } from './bx/tcp';

export interface SendNoticeOptions extends Pick<SendOptions, 'timeoutMs' | 'retries' | 'signal' | 'onProgress'> {
  atMs?: number;
  clock?: FrameClock;
  areaId?: number;
}

/** Cards with the dot-matrix area command; others (BX-5K1, BX-6K here) need image files instead. */
const DOT_MATRIX_MODELS = new Set(['BX-5K2', 'BX-5MK']);

/**
 * Whether the studio can upload bitmaps to this board's controller; throws a coded error saying
 * why not (a mirror or image-only board, a card without the dot-matrix command, a full-colour board).
 */
export function checkSendable(profile: BoardProfile): asserts profile is BoardProfile & { controller: BxController } {
  const { controller } = profile;
  if (controller.kind !== 'bx-tcp' && controller.kind !== 'bx-serial')
    throw new StudioError('led_controller_unsupported', 'led.controller', { reason: 'not_bx', controller: controller.kind });
  if (!DOT_MATRIX_MODELS.has(controller.model))
    throw new StudioError('led_controller_unsupported', 'led.controller_model', { reason: 'no_dot_matrix', model: controller.model });
  if (profile.colourClass === 'full')
    throw new StudioError('led_controller_unsupported', 'led.colour_class', { reason: 'full_colour', colourClass: profile.colourClass });
}

export async function sendNotice(profile: BoardProfile, programme: Programme, options: SendNoticeOptions = {}): Promise<SendReport> {
  checkSendable(profile);
  const { controller } = profile;
  const timeoutMs = options.timeoutMs ?? 3000;
  const openLink =
    controller.kind === 'bx-tcp'
      ? () => openTcpLink(controller.host, controller.port, timeoutMs)
      : () => openSerialLink(controller.path, controller.baudRate);
  const frame = boardFrame(programme, options.atMs ?? 0, options.clock);
  return sendDotMatrix(
    { areaId: options.areaId ?? 0, x: 0, y: 0, frame, planes: profile.colourClass === 'dual' ? 2 : 1 },
    { ...options, timeoutMs, openLink, address: controller.address },
  );
}
