import type { Command } from 'commander';
import { readTextInput } from '../read-input.ts';
import { call, printJson } from '../session.ts';

/** Reads a choice given as KEY=READING ("TT=thông tư", "12=thông tư"). */
function collectChoice(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new Error(`--choose cần dạng KEY=CÁCH ĐỌC / --choose needs KEY=READING: ${value}`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

export function registerReadingCommands(program: Command): void {
  program
    .command('read-as [text...]')
    .description('print exactly what a voice will say for TEXT (numbers, dates, abbreviations expanded)')
    .option('--file <path>', 'read the text from a file (UTF-8, TCVN3 or VNI)')
    .option('--choose <key=reading>', 'pick a reading for an ambiguity, by offset or source ("TT=thông tư")', collectChoice, {})
    .option('--linh', 'say "linh" instead of "lẻ" (107 → một trăm linh bảy)')
    .option('--ngan', 'say "ngàn" instead of "nghìn"')
    .option('--json', 'print the full structure: sentences, parts, ambiguities')
    .action(async (words: string[], opts, command: Command) => {
      // Loaded here, not at the top: the reading service's code is not needed by the other commands.
      const { decodeTextBytes } = await import('../../services/reading/index.ts');
      const text = opts.file ? decodeTextBytes(await readTextInput(opts.file)).text : words.join(' ');
      if (!text.trim()) throw new Error('Chưa có nội dung để đọc / nothing to read: give TEXT or --file');
      const result = await call(command, 'reading.preview', {
        text,
        choices: opts.choose,
        ...(opts.linh ? { zeroTens: 'linh' as const } : {}),
        ...(opts.ngan ? { thousand: 'ngàn' as const } : {}),
      });
      if (opts.json) return printJson(result);
      for (const sentence of result.sentences) {
        process.stdout.write(`${sentence.spoken}\n`);
        if (sentence.pauseAfterMs) process.stdout.write(`[${sentence.pauseAfterMs} ms]\n`);
      }
      for (const a of result.ambiguities) {
        process.stderr.write(`? "${a.source}" @${a.start}: ${a.chosen}  (${a.options.join(' / ')})\n`);
      }
    });

  const dictionary = program.command('dictionary').description('the pronunciation dictionary (applied before every rule)');
  dictionary
    .command('list')
    .option('--json', 'print JSON')
    .action(async (opts, command: Command) => {
      const entries = await call(command, 'reading.dictionary.list', {});
      if (opts.json) return printJson(entries);
      for (const e of entries) process.stdout.write(`${String(e.id).padStart(5)}  ${e.term} → ${e.spoken}  (${e.kind})\n`);
    });
  dictionary
    .command('set <term> <spoken>')
    .option('--kind <kind>', 'abbreviation | place | person | other', 'other')
    .option('--match-case', 'only match the term with this exact capitalisation')
    .action(async (term: string, spoken: string, opts, command: Command) => {
      printJson(await call(command, 'reading.dictionary.upsert', { term, spoken, kind: opts.kind, matchCase: Boolean(opts.matchCase) }));
    });
  dictionary
    .command('remove <id>')
    .action(async (id: string, _opts, command: Command) => {
      printJson(await call(command, 'reading.dictionary.delete', { id: Number(id) }));
    });
}
