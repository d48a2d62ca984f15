import path from 'node:path';
import type { Command } from 'commander';
import type { Voice } from '../../../shared/api/tts.ts';
import { StudioError } from '../../../shared/errors.ts';
import { DEFAULT_VOICE_ID } from '../../../shared/api/tts.ts';
import { parseId } from '../parse-id.ts';
import { readTextInput } from '../read-input.ts';
import { call, followJob, printJson } from '../session.ts';

const number = (v: string) => Number(v);

function voiceLine(v: Voice): string {
  const size = v.sizeBytes ? `${(v.sizeBytes / 1e6).toFixed(1)} MB` : '-';
  return `${v.id.padEnd(40)} ${v.engine.padEnd(7)} ${v.languages.join(',').padEnd(8)} ${String(v.sampleRate).padEnd(6)} ${size.padEnd(9)} ${v.licence}`;
}

export function registerTtsCommands(program: Command): void {
  program
    .command('tts')
    .description('speak a text or a file into a WAV file, or a bulletin\'s script into its audio (chuyển văn bản thành giọng nói)')
    .option('--voice <id>', 'voice id (see `studio voices`)', DEFAULT_VOICE_ID)
    .option('--text <text>', 'the text to speak')
    .option('--file <file>', 'a UTF-8 text file to speak')
    .option('--bulletin <id>', "speak this bulletin's script; the audio becomes the bulletin's audio")
    .option('--out <file.wav>', 'where to write the WAV (with --text or --file)')
    .option('--speed <x>', 'speed 0.6–1.6', number)
    .option('--rate <hz>', 'output sample rate (48000, 44100, ...)', number)
    .option('--speaker <n>', 'speaker of a multi-speaker voice', number)
    .option('--loudness <preset>', 'broadcast | outdoor | none')
    .option('--json', 'print the result as JSON')
    .action(async (opts, command: Command) => {
      const sources = [opts.text, opts.file, opts.bulletin].filter((given) => given !== undefined);
      if (sources.length !== 1) {
        throw new StudioError('invalid_argument', 'give exactly one of --text, --file, --bulletin', { reason: 'cli_text_or_file' });
      }
      const settings = Object.fromEntries(
        Object.entries({ speed: opts.speed, sampleRate: opts.rate, speaker: opts.speaker, loudness: opts.loudness }).filter(([, v]) => v !== undefined),
      );
      let job;
      if (opts.bulletin !== undefined) {
        // The bulletin's own script, into its audio (a new edit document; a stale mark is cleared).
        job = await call(command, 'tts.synthesize', { voiceId: opts.voice, bulletinId: parseId(opts.bulletin), settings });
      } else {
        if (opts.out === undefined) throw new StudioError('invalid_argument', '--out is required with --text or --file', { reason: 'cli_out_required' });
        const text = opts.file !== undefined ? (await readTextInput(opts.file)).toString('utf8') : (opts.text as string);
        job = await call(command, 'tts.synthesize', { voiceId: opts.voice, text, outPath: path.resolve(opts.out), settings });
      }
      const result = await followJob(command, job);
      if (opts.json) return printJson(result);
      process.stdout.write(result.bulletinId !== null ? `${result.bulletinId} ${result.assetId} ${result.file}\n` : `${result.file}\n`);
      process.stderr.write(
        `${result.sentences} câu, ${result.durationSec.toFixed(1)} s, ${result.sampleRate} Hz, ${result.loudness.integrated ?? '-'} LUFS` +
          (result.missingPhonemes.length ? `; thiếu âm vị: ${result.missingPhonemes.map((m) => m.phoneme).join(' ')}` : '') +
          '\n',
      );
    });

  program
    .command('voices')
    .description('list the voices: built-in, installed packs and models/ (giọng đọc)')
    .option('--json', 'print JSON')
    .action(async (opts, command: Command) => {
      const voices = await call(command, 'voice.list', {});
      if (opts.json) return printJson(voices);
      for (const voice of voices) process.stdout.write(`${voiceLine(voice)}\n`);
    });

  const voice = program.command('voice').description('manage voice packs (gói giọng đọc)');
  voice
    .command('install <path>')
    .description('validate and install a voice pack from a folder or a .zip')
    .option('--json', 'print JSON')
    .action(async (source: string, opts, command: Command) => {
      const installed = await call(command, 'voice.install', { path: path.resolve(source) });
      if (opts.json) return printJson(installed);
      process.stdout.write(`${voiceLine(installed)}\n`);
      for (const warning of installed.warnings) process.stderr.write(`! ${warning}\n`);
    });
  voice
    .command('remove <id>')
    .description('remove an installed voice pack')
    .action(async (id: string, _opts, command: Command) => {
      await call(command, 'voice.remove', { id });
      process.stderr.write(`đã gỡ / removed ${id}\n`);
    });
}
