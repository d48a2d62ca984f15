import type { Command } from 'commander';
import { StudioError } from '../../../shared/errors.ts';
import { call, followJob, printJson } from '../session.ts';

const number = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new StudioError('invalid_argument', `"${v}" is not a number`);
  return n;
};

export function registerAudioCommands(program: Command): void {
  program
    .command('loudness <file>')
    .description('đo độ to EBU R128 / measure EBU R128 loudness: integrated (LUFS), range (LU), true peak (dBTP)')
    .option('--json', 'print {"integrated","range","truePeak"} as JSON')
    .action(async (file: string, opts: { json?: boolean }, command: Command) => {
      const result = await call(command, 'audio.loudnessFile', { path: file });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      process.stdout.write(
        `Integrated: ${result.integrated ?? '-inf'} LUFS\nRange:      ${result.range} LU\nTrue peak:  ${result.truePeak ?? '-inf'} dBTP\n`,
      );
    });

  program
    .command('normalize <input> <output>')
    .description('chuẩn hóa âm lượng / normalise loudness into a new file (.wav Broadcast WAV or .mp3)')
    .option('--target <lufs>', 'integrated loudness target', number, -23)
    .option('--ceiling <dbtp>', 'true-peak ceiling', number, -1)
    .option('--bitrate <kbps>', 'MP3 bitrate', number, 128)
    .option('--json', 'print the result as JSON')
    .action(async (input: string, output: string, opts: { target: number; ceiling: number; bitrate: number; json?: boolean }, command: Command) => {
      const job = await call(command, 'audio.normalizeFile', { input, output, target: opts.target, ceiling: opts.ceiling, bitrate: opts.bitrate });
      const result = await followJob(command, job);
      if (opts.json) return printJson(result);
      process.stdout.write(`${result.path}: ${result.loudness.integrated} LUFS, ${result.loudness.truePeak} dBTP\n`);
    });
}
