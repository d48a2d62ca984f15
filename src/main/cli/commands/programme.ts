/**
 * `studio programme …` and `studio render`: build a programme from approved bulletins, jingles and
 * music beds, and render it normalised to its loudness preset, from a script.
 */
import { Command, Option } from 'commander';
import { clearedForAir, type Programme } from '../../../shared/api/library-types.ts';
import { StudioError } from '../../../shared/errors.ts';
import { formatClock } from '../../../shared/format.ts';
import { call, followJob, printJson } from '../session.ts';

const id = (what: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new StudioError('invalid_argument', `not a ${what} id: ${v}`, { reason: 'cli_not_an_id', value: v });
  return n;
};
const number = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new StudioError('invalid_argument', `"${v}" is not a number`, { reason: 'cli_not_a_number', value: v });
  return n;
};

/** Lengths as m:ss.s (English digits, as the rest of the CLI's table output). */
const clock = (sec: number) => formatClock(sec, 'en', 1);

function printProgramme(p: Programme): void {
  process.stdout.write(`${p.id}  ${p.title}\n`);
  process.stdout.write(`   ${clock(p.totalSec)} / ${p.capMinutes} min · ${p.mix.presetLufs} LUFS · gap ${p.mix.gapSec} s · crossfade ${p.mix.crossfadeSec} s · duck ${p.mix.duckDb} dB\n`);
  for (const item of p.items) {
    const status = !clearedForAir(item.bulletinStatus) ? `  [${item.bulletinStatus}]` : '';
    process.stdout.write(`   ${String(item.id).padStart(5)}  ${clock(item.startSec).padStart(7)}  ${item.kind.padEnd(9)} ${clock(item.durationSec).padStart(7)}  ${item.label}${status}\n`);
  }
  if (p.rendered) process.stdout.write(`   rendered: ${p.rendered.media} (${p.rendered.loudness.integrated} LUFS, ${p.rendered.loudness.truePeak} dBTP)\n`);
}

export function registerProgrammeCommands(program: Command): void {
  const programme = program.command('programme').description('chương trình phát thanh / programmes');

  programme
    .command('create')
    .description('create an empty programme')
    .requiredOption('--title <title>', 'title')
    .addOption(new Option('--preset <lufs>', 'loudness preset: -23 (broadcast) or -16 (outdoor loudspeakers)').choices(['-23', '-16']).default('-23'))
    .option('--json', 'print the programme as JSON')
    .action(async (opts, command: Command) => {
      const created = await call(command, 'programme.create', { title: opts.title, presetLufs: Number(opts.preset) as -23 | -16 });
      if (opts.json) printJson(created);
      else process.stdout.write(`${created.id}\n`);
    });

  programme
    .command('add <programmeId>')
    .description('add an approved bulletin, or a jingle / music bed from the library, at the end')
    .option('--bulletin <id>', 'bulletin id', id('bulletin'))
    .option('--asset <id>', 'audio asset id (a jingle or music bed)', id('asset'))
    .addOption(new Option('--as <kind>', 'what the asset is').choices(['jingle', 'bed']).default('jingle'))
    .option('--json', 'print the programme as JSON')
    .action(async (programmeId: string, opts, command: Command) => {
      if ((opts.bulletin === undefined) === (opts.asset === undefined)) {
        throw new StudioError('invalid_argument', 'name exactly one of --bulletin, --asset', { reason: 'cli_bulletin_or_asset' });
      }
      const item = opts.bulletin !== undefined ? { kind: 'bulletin' as const, bulletinId: opts.bulletin as number } : { kind: opts.as === 'bed' ? ('music_bed' as const) : ('jingle' as const), assetId: opts.asset as number };
      const updated = await call(command, 'programme.addItem', { programmeId: id('programme')(programmeId), ...item });
      const added = updated.items.at(-1)!;
      if (!clearedForAir(added.bulletinStatus)) {
        process.stderr.write(`Cảnh báo: bản tin chưa được duyệt, chương trình sẽ không dựng được / warning: the bulletin is not approved; the programme will not render until it is\n`);
      }
      if (opts.json) printJson(updated);
      else printProgramme(updated);
    });

  programme
    .command('list')
    .description('list programmes with their planned lengths')
    .option('--json', 'print JSON')
    .action(async (opts, command: Command) => {
      const items = await call(command, 'programme.list', {});
      if (opts.json) return printJson(items);
      for (const p of items) process.stdout.write(`${String(p.id).padStart(6)}  ${clock(p.totalSec).padStart(7)}  ${String(p.itemCount).padStart(3)}  ${p.title}\n`);
    });

  programme
    .command('show <programmeId>')
    .description('one programme: its running order with start times, total and settings')
    .option('--json', 'print JSON')
    .action(async (programmeId: string, opts, command: Command) => {
      const p = await call(command, 'programme.get', { id: id('programme')(programmeId) });
      if (opts.json) printJson(p);
      else printProgramme(p);
    });

  program
    .command('render <programmeId>')
    .description('dựng chương trình / render a programme normalised to its preset; with --out, export it as MP3 or Broadcast WAV')
    .option('--out <file>', 'export file (else the render is kept in the data folder, ready to deliver)')
    .addOption(new Option('--format <format>', 'mp3 or wav').choices(['mp3', 'wav']).default('mp3'))
    .option('--rate <hz>', '44100 or 48000', number, 48000)
    .option('--bitrate <kbps>', 'MP3 bitrate (CBR)', number, 128)
    .option('--json', 'print the result as JSON')
    .action(async (programmeId: string, opts, command: Command) => {
      const pid = id('programme')(programmeId);
      if (!opts.out) {
        const result = await followJob(command, await call(command, 'programme.render', { programmeId: pid }));
        if (opts.json) return printJson(result);
        process.stdout.write(`${result.media}: ${result.durationSec.toFixed(1)} s, ${result.loudness.integrated} LUFS, ${result.loudness.truePeak} dBTP\n`);
        return;
      }
      const job = await call(command, 'audio.export', { programmeId: pid, format: opts.format, sampleRate: opts.rate as 48000, bitrate: opts.bitrate as 128, outPath: opts.out });
      const result = await followJob(command, job);
      if (opts.json) return printJson(result);
      process.stdout.write(`${result.path}: ${result.durationSec.toFixed(1)} s, ${result.loudness.integrated} LUFS, ${result.loudness.truePeak} dBTP\n`);
    });
}
