/**
 * `studio led …`: LED bulletin boards from the command line, through dispatch like the screen.
 *   studio led boards [--json]                         the board profiles
 *   studio led notices [--json]                        the notices, in rotation order
 *   studio led render NOTICE --out DIR|FILE.gif        PNG frames into a folder, or one GIF
 *   studio led send NOTICE --board ID                  upload to a BX board (serial or TCP)
 *   studio led deliver NOTICE                          queue its package for the source system
 */
import type { Command } from 'commander';
import { StudioError } from '../../../shared/errors.ts';
import { call, followJob, printJson } from '../session.ts';

const positiveInt = (what: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new StudioError('invalid_argument', `${what} "${v}" is not a positive whole number`);
  return n;
};
const number = (what: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new StudioError('invalid_argument', `${what} "${v}" is not a number`);
  return n;
};

export function registerLedCommands(program: Command): void {
  const led = program.command('led').description('bảng tin điện tử (LED) / LED bulletin boards');

  led
    .command('boards')
    .description('danh sách bảng LED / list the board profiles')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      const boards = await call(command, 'led.board.list', {});
      if (opts.json) return printJson(boards);
      for (const b of boards)
        process.stdout.write(`${String(b.id).padStart(5)}  ${`${b.width}×${b.height}`.padEnd(9)} ${b.colourClass.padEnd(6)} ${b.controller.kind.padEnd(10)} ${b.name}\n`);
    });

  led
    .command('notices')
    .description('danh sách bản tin bảng LED theo thứ tự phát / list notices in rotation order')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      const notices = await call(command, 'led.notice.list', {});
      if (opts.json) return printJson(notices);
      for (const n of notices)
        process.stdout.write(`${String(n.id).padStart(5)}  ${n.priority.padEnd(9)} ${`${n.programme.width}×${n.programme.height}`.padEnd(9)} ${n.title}\n`);
    });

  led
    .command('render <notice>')
    .description('xuất ảnh PNG từng khung hoặc GIF động / export PNG frames (a folder) or an animated GIF (a .gif file)')
    .requiredOption('--out <path>', 'a folder for PNG frames, or a file ending in .gif')
    .option('--board <id>', 'use this board\'s colours (default: the notice\'s board)', positiveInt('board'))
    .option('--fps <n>', 'frames per second (1–50)', number('fps'), 10)
    .option('--from <ms>', 'start time in milliseconds', number('from'))
    .option('--to <ms>', 'end time in milliseconds (default: one full run)', number('to'))
    .action(async (notice: string, opts: { out: string; board?: number; fps: number; from?: number; to?: number }, command: Command) => {
      const job = await call(command, 'led.export', {
        noticeId: positiveInt('notice')(notice),
        boardId: opts.board,
        format: opts.out.toLowerCase().endsWith('.gif') ? 'gif' : 'png',
        out: opts.out,
        fps: opts.fps,
        fromMs: opts.from,
        toMs: opts.to,
      });
      printJson(await followJob(command, job));
    });

  led
    .command('send <notice>')
    .description('gửi bản tin tới bảng LED (BX qua cổng COM hoặc TCP) / send a notice to a BX board')
    .requiredOption('--board <id>', 'the board profile', positiveInt('board'))
    .option('--at <ms>', 'which moment of the notice to show (milliseconds)', number('at'), 0)
    .option('--retries <n>', 'retries per frame on NACK or timeout', number('retries'), 3)
    .option('--timeout <ms>', 'how long to wait for the board each time', number('timeout'), 3000)
    .action(async (notice: string, opts: { board: number; at: number; retries: number; timeout: number }, command: Command) => {
      const job = await call(command, 'led.send', {
        noticeId: positiveInt('notice')(notice),
        boardId: opts.board,
        atMs: opts.at,
        retries: opts.retries,
        timeoutMs: opts.timeout,
      });
      printJson(await followJob(command, job));
    });

  led
    .command('deliver <notice>')
    .description('gửi gói bản tin bảng LED lên hệ thống thông tin nguồn qua Hộp thư đi / queue the notice package for the source system')
    .option('--dest <url>', 'another address on the configured server')
    .action(async (notice: string, opts: { dest?: string }, command: Command) => {
      printJson(await call(command, 'led.notice.deliver', { id: positiveInt('notice')(notice), dest: opts.dest }));
    });
}
