import type { Command } from 'commander';
import path from 'node:path';
import type { UpdateCheck, UpdateSource } from '../../../shared/api/updates.ts';
import { ERROR_CODES, StudioError, type ErrorCode, type ErrorPayload } from '../../../shared/errors.ts';
import { refusalWords } from '../../../shared/update-refusals.ts';
import { call, printJson } from '../session.ts';

/** `--from E:\cap-nhat` is a folder; `--from https://…` the province's server. */
export function sourceFrom(from: string): UpdateSource {
  return /^https?:\/\//i.test(from) ? { kind: 'server', url: from.endsWith('/') ? from : `${from}/` } : { kind: 'folder', path: path.resolve(from) };
}

/** Refused: both languages on stderr (and the error as JSON with --json), exit code 1. */
function refuse(error: ErrorPayload, json: boolean): void {
  if (json) printJson({ ok: false, error });
  process.stderr.write(`Không cập nhật: ${refusalWords(error, 'vi')}\nNot updated: ${refusalWords(error, 'en')}\n`);
  process.exitCode = 1;
}

function printCheck(check: UpdateCheck): void {
  process.stdout.write(`Phiên bản đang dùng / running: ${check.currentVersion}\n`);
  if (!check.available) {
    process.stdout.write('Đang dùng phiên bản mới nhất / up to date\n');
    return;
  }
  const { version, notes, releaseDate, installer } = check.available;
  process.stdout.write(`Có phiên bản mới / available: ${version}${releaseDate ? ` (${releaseDate.slice(0, 10)})` : ''}\n`);
  process.stdout.write(`Bộ cài / installer: ${installer.file}${installer.size === null ? '' : ` (${installer.size} bytes)`}\n`);
  if (notes) process.stdout.write(`\n${notes}\n`);
}

const toPayload = (error: unknown): ErrorPayload | null => (error instanceof StudioError ? error.toPayload() : null);

export function registerUpdateCommands(program: Command): void {
  const update = program.command('update').description('updates: check a server or a folder, prepare a USB/LAN update folder');

  update
    .command('check')
    .description('check for an update (the configured source, or --from a folder or an https URL); nothing is installed')
    .option('--from <dirOrUrl>', 'an update folder (USB stick, LAN share) or the update server URL')
    .option('--allow-downgrade', 'technicians only: accept an older version')
    .option('--json', 'print JSON')
    .action(async (opts: { from?: string; allowDowngrade?: boolean; json?: boolean }, command: Command) => {
      try {
        const check = await call(command, 'updates.check', { from: opts.from ? sourceFrom(opts.from) : undefined, allowDowngrade: Boolean(opts.allowDowngrade) });
        if (opts.json) printJson(check);
        else printCheck(check);
      } catch (error) {
        const payload = toPayload(error);
        if (!payload) throw error;
        refuse(payload, Boolean(opts.json));
      }
    });

  update
    .command('prepare-folder')
    .description('copy a release (installer, .blockmap, latest.yml) to a folder for a USB stick or a LAN share, verified before and after')
    .requiredOption('--installer <file>', 'the NSIS installer from out/make/nsis/<arch>/, with latest.yml and its .blockmap beside it')
    .requiredOption('--out <dir>', 'the folder to fill (created if needed)')
    .option('--json', 'print JSON')
    .action(async (opts: { installer: string; out: string; json?: boolean }, command: Command) => {
      const job = await call(command, 'updates.folder.prepare', { installer: path.resolve(opts.installer), out: path.resolve(opts.out) });
      const done = await call(command, 'job.wait', { id: job.id });
      if (done.state !== 'done') {
        const code = (ERROR_CODES as readonly string[]).includes(done.error?.code ?? '') ? (done.error!.code as ErrorCode) : 'internal';
        return refuse({ code, message: done.error?.message ?? done.state, details: done.error?.details }, Boolean(opts.json));
      }
      if (opts.json) return printJson(done.result);
      process.stdout.write(`Đã chuẩn bị thư mục cập nhật / update folder prepared: ${path.resolve(opts.out)}\n`);
    });
}
