import type { Command } from 'commander';
import type { AssetRole } from '../../../shared/api/library-types.ts';
import { StudioError } from '../../../shared/errors.ts';
import { call, followJob, printJson } from '../session.ts';

interface ImportOptions {
  bulletin?: string;
  jingle?: boolean;
  bed?: boolean;
  name?: string;
  json?: boolean;
}

/** Makes an imported file a bulletin's audio (the library records it as imported, for the current script). */
async function attachBulletinAudio(command: Command, bulletinId: number, assetId: number) {
  return call(command, 'bulletin.audio.set', { id: bulletinId, assetId });
}

export function registerImportCommands(program: Command): void {
  program
    .command('import <file>')
    .description('nhập tệp âm thanh (MP3, WAV, FLAC, OGG) / import an audio file: a bulletin\'s voice, a jingle or a music bed')
    .option('--bulletin <id>', "make it this bulletin's audio (a voice file)")
    .option('--jingle', 'into the music library as a jingle')
    .option('--bed', 'into the music library as a music bed (played under speech)')
    .option('--name <name>', 'name in the library (default: the file name)')
    .option('--json', 'print {"asset", "bulletin"} as JSON')
    .action(async (file: string, opts: ImportOptions, command: Command) => {
      const chosen = [opts.bulletin !== undefined, opts.jingle, opts.bed].filter(Boolean).length;
      if (chosen > 1) throw new StudioError('invalid_argument', 'give at most one of --bulletin, --jingle, --bed', { reason: 'cli_import_one_role' });
      let bulletinId: number | null = null;
      if (opts.bulletin !== undefined) {
        bulletinId = Number(opts.bulletin);
        if (!Number.isInteger(bulletinId) || bulletinId <= 0) throw new StudioError('invalid_argument', `không phải mã bản tin / not a bulletin id: ${opts.bulletin}`);
        // Before a long import: an unknown bulletin is said at once.
        await call(command, 'bulletin.get', { id: bulletinId });
      }
      const role: AssetRole = opts.jingle ? 'jingle' : opts.bed ? 'bed' : 'voice';
      const asset = await followJob(command, await call(command, 'audio.import', { path: file, name: opts.name, role }));
      const bulletin = bulletinId === null ? null : await attachBulletinAudio(command, bulletinId, asset.id);
      if (opts.json) return printJson({ asset, bulletin });
      process.stdout.write(`${asset.id}\t${asset.role}\t${asset.durationSec.toFixed(1)} s\t${asset.name}\n`);
      if (bulletin) process.stderr.write(`Bản tin ${bulletin.id} dùng âm thanh này / bulletin ${bulletin.id} now uses this audio\n`);
    });
}
