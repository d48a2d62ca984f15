import { Command, Option } from 'commander';
import { DELIVERY_TARGETS, OUTBOX_STATES, type OutboxItem } from '../../../shared/api/delivery.ts';
import { describeError, ERROR_CODES, StudioError, type ErrorCode } from '../../../shared/errors.ts';
import { formatTime } from '../../../shared/format.ts';
import { call, currentStudio, followJob, printJson } from '../session.ts';

/** 48 KiB, 12.3 MiB: a small bulletin must not read as 0.0 MiB. */
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

function printOutbox(items: OutboxItem[]): void {
  for (const item of items) {
    const progress = item.totalBytes > 0 ? `${Math.round((100 * item.sentBytes) / item.totalBytes)}%` : '';
    const remote = item.remoteStatus ? ` [${item.remoteStatus}]` : '';
    const error = item.lastError ? `  ! ${item.lastError.message}` : '';
    process.stdout.write(
      `${String(item.id).padStart(5)}  ${item.state.padEnd(9)} ${progress.padStart(4)} ${item.target.padEnd(7)} ${item.title}${remote}${error}\n`,
    );
  }
}

const knownCode = (code: string): ErrorCode => ((ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'internal');

/**
 * Follows one outbox item until it is delivered or cancelled, drawing its progress on stderr.
 * When an attempt fails the item stays queued (the outbox retries it); with `giveUpOnError` the
 * command stops there and says so, rather than wait through the backoff.
 */
function follow(command: Command, itemId: number, giveUpOnError: boolean): Promise<OutboxItem> {
  const studio = currentStudio()!;
  return new Promise((resolve, reject) => {
    let lastPercent = -1;
    let lastErrorAt: string | null = null;
    // The outbox's retry timer does not hold the process open; this does, while we wait.
    const keepAlive = setInterval(() => undefined, 60_000);
    const settle = (done: () => void) => {
      clearInterval(keepAlive);
      stop();
      if (lastPercent >= 0) process.stderr.write('\n');
      done();
    };
    const inspect = (item: OutboxItem) => {
      if (item.state === 'delivered' || item.state === 'cancelled') return settle(() => resolve(item));
      if (!item.lastError || item.lastError.at === lastErrorAt) return;
      lastErrorAt = item.lastError.at;
      process.stderr.write(`${lastPercent >= 0 ? '\n' : ''}Lỗi lần ${item.attempts} / attempt ${item.attempts} failed: ${describeError(item.lastError, 'vi')}\n`);
      if (giveUpOnError) {
        const code = knownCode(item.lastError.code);
        settle(() => reject(new StudioError(code, item.lastError!.message, { reason: 'outbox_item_kept', id: item.id })));
      } else if (item.nextAttemptAt) {
        process.stderr.write(`Thử lại lúc / retrying at ${formatTime(item.nextAttemptAt, true)}\n`);
      }
    };
    const stop = studio.events.subscribe((event) => {
      if (event.name === 'outbox.progress' && event.payload.id === itemId) {
        const { sentBytes, totalBytes } = event.payload;
        const percent = totalBytes > 0 ? Math.floor((100 * sentBytes) / totalBytes) : 0;
        if (percent !== lastPercent) {
          lastPercent = percent;
          process.stderr.write(`\rĐang gửi / sending: ${percent}% (${size(sentBytes)} / ${size(totalBytes)})   `);
        }
      } else if (event.name === 'outbox.changed' && event.payload.id === itemId) {
        inspect(event.payload);
      }
    });
    // The first attempt may have ended before the subscription: look once now.
    call(command, 'outbox.get', { id: itemId }).then(inspect, (error: unknown) => settle(() => reject(error)));
  });
}

export function registerDeliveryCommands(program: Command): void {
  program
    .command('deliver [bulletinId]')
    .description('gửi bản tin / deliver a bulletin, or a rendered programme (--programme), to the source system or as a package (through the outbox)')
    .option('--programme <id>', 'deliver this programme (its current render) instead of a bulletin')
    .addOption(new Option('--to <target>', 'source system or package folder').choices(DELIVERY_TARGETS).makeOptionMandatory())
    .option('--dest <pathOrUrl>', 'server URL (default: the configured one) or package folder / USB stick')
    .addOption(new Option('--loudness <preset>', "normalise the bulletin's edited audio to broadcast (−23 LUFS) or outdoor (−16 LUFS); default: as edited").choices(['broadcast', 'outdoor']))
    .option('--no-wait', 'queue it and return at once')
    .option('--keep-trying', 'after a failed attempt, wait for the outbox to retry instead of stopping')
    .option('--json', 'print the outbox item as JSON')
    .action(async (bulletinId: string | undefined, opts, command: Command) => {
      if ((bulletinId === undefined) === (opts.programme === undefined)) {
        throw new StudioError('invalid_argument', 'name a bulletin id or --programme ID, not both', { reason: 'cli_bulletin_or_programme' });
      }
      const raw = bulletinId ?? opts.programme;
      const id = Number(raw);
      if (!Number.isInteger(id) || id <= 0) throw new StudioError('invalid_argument', `không phải mã / not an id: ${raw}`);
      const what = bulletinId !== undefined ? { bulletinId: id } : { programmeId: id };
      if (opts.to === 'package' && !opts.dest) {
        throw new StudioError('invalid_argument', '--dest is required for packages', { reason: 'cli_dest_required' });
      }
      const queued = await call(command, 'delivery.enqueue', { ...what, to: opts.to, dest: opts.dest, loudness: opts.loudness });
      process.stderr.write(`Đã xếp vào hộp thư đi / queued as outbox item ${queued.id}\n`);
      const item = opts.wait ? await follow(command, queued.id, !opts.keepTrying) : queued;
      if (opts.json) printJson(item);
      else process.stdout.write(`${item.id} ${item.state}${item.remoteId ? ` ${item.remoteId}` : ''}\n`);
      if (item.state === 'cancelled') process.exitCode = 1;
    });

  program
    .command('outbox')
    .description('hộp thư đi / list the outbox')
    .addOption(new Option('--state <state>').choices(OUTBOX_STATES))
    .option('--limit <n>', 'how many', (v) => Number(v), 200)
    .option('--json', 'print JSON')
    .action(async (opts, command: Command) => {
      const items = await call(command, 'outbox.list', { state: opts.state, limit: opts.limit });
      if (opts.json) printJson(items);
      else printOutbox(items);
    });

  const pkg = program.command('package').description('gói bản tin / bulletin packages (folder or USB stick)');
  pkg
    .command('import <path>')
    .description('verify every checksum of a package and import its bulletin and audio, all or nothing')
    .option('--json', 'print the imported bulletin as JSON')
    .action(async (picked: string, opts, command: Command) => {
      const job = await call(command, 'package.import', { path: picked });
      const result = await followJob(command, job);
      if (opts.json) printJson(result);
      else process.stdout.write(`${result.bulletin.id}\t${result.bulletin.title}\n`);
    });
  pkg
    .command('inspect <path>')
    .description("print a package's manifest summary without importing it")
    .action(async (picked: string, _opts, command: Command) => printJson(await call(command, 'package.inspect', { path: picked })));
}
