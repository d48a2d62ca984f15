/**
 * Translation from the command line (issues 12, 13): `studio translate`, `studio tm …`,
 * `studio glossary …` and `studio mt …`, all through the same requests as the screen.
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import { StudioError } from '../../../shared/errors.ts';
import { canonicalLanguageCode, EVALUATION_ENGINES, type TranslationView } from '../../../shared/translation/index.ts';
import { call, followJob, printJson } from '../session.ts';

const pairOptions = (command: Command, defaults = true) =>
  defaults
    ? command.option('--from <code>', 'source language (ISO 639)', 'vi').option('--to <code>', 'target language (ISO 639)', 'tyz')
    : command.requiredOption('--from <code>', 'source language (ISO 639)').requiredOption('--to <code>', 'target language (ISO 639)');


function printSegments(work: TranslationView): void {
  for (const s of work.segments) {
    const how = s.origin ? `${s.origin}${s.score !== null ? ` ${s.score}` : ''}` : '-';
    process.stdout.write(`${String(s.index).padStart(3)}  ${s.state.padEnd(14)} ${how.padEnd(12)} ${s.source}\n${' '.repeat(32)}${s.target}\n`);
  }
  process.stderr.write(`bản tin dịch / translated bulletin: ${work.link.targetBulletinId ?? '-'}; ${work.progress.approved}/${work.progress.total} đã duyệt / approved\n`);
}

/**
 * The translation a bulletin names: the translated bulletin's own, or (with `to`) the source
 * bulletin's translation into that language.
 */
async function translationOf(command: Command, bulletinId: number, to?: string): Promise<number> {
  const links = await call(command, 'translation.links', { bulletinId });
  if (to) {
    const code = canonicalLanguageCode(to);
    const into = links.translations.find((link) => link.to === code);
    if (into) return into.translationId;
    throw new StudioError('not_found', `bulletin ${bulletinId} has no translation into ${to}`, { reason: 'bulletin_not_translated_into', bulletinId, language: to });
  }
  if (links.translationOf) return links.translationOf.translationId;
  throw new StudioError('not_found', `bulletin ${bulletinId} is not a translation`, { reason: 'bulletin_not_a_translation', bulletinId });
}

/** `studio translate assemble|take`: voicing a translation (issue 12 §9). */
function registerVoicingCommands(translate: Command): void {
  translate
    .command('assemble <bulletin>')
    .description('assemble a translated bulletin’s audio (ghép âm thanh): each segment’s take, the others spoken by a voice of the language, at −23 LUFS')
    .option('--to <code>', 'BULLETIN is the source: its translation into this language')
    .option('--voice <id>', 'voice for segments without a take (default: the first voice of the language)')
    .option('--no-voice', 'takes only, no synthetic voice')
    .option('--json', 'print JSON')
    .action(async (bulletin: string, _opts, command: Command) => {
      // `translate` has --to and --json of its own: commander gives them to it, so read both levels.
      const opts = command.optsWithGlobals();
      const id = await translationOf(command, Number(bulletin), opts.to);
      const job = await call(command, 'translation.assemble', { id, ...(opts.voice === false ? { voiceId: null } : opts.voice ? { voiceId: opts.voice } : {}) });
      const result = await followJob(command, job);
      if (opts.json) return printJson(result);
      for (const p of result.pieces) {
        process.stdout.write(`${String(p.index + 1).padStart(3)}  ${p.from.padEnd(5)} ${p.startSec.toFixed(2).padStart(8)} s  ${p.durationSec.toFixed(2).padStart(7)} s  ${p.gainDb >= 0 ? '+' : ''}${p.gainDb.toFixed(1)} dB\n`);
      }
      const lufs = result.loudness.integrated === null ? '-inf' : result.loudness.integrated.toFixed(1);
      process.stderr.write(`bản tin / bulletin ${result.bulletinId}: ${result.durationSec.toFixed(1)} s, ${lufs} LUFS, tài sản / asset ${result.assetId}\n`);
    });
  translate
    .command('take <bulletin> <segment> <file>')
    .description('attach an audio file as a segment’s take (segment numbers from 1, as on screen); replaces its take')
    .option('--to <code>', 'BULLETIN is the source: its translation into this language')
    .option('--json', 'print JSON')
    .action(async (bulletin: string, segment: string, file: string, _opts, command: Command) => {
      const opts = command.optsWithGlobals();
      const index = Number(segment) - 1;
      if (!Number.isInteger(index) || index < 0) throw new StudioError('invalid_argument', `segment ${segment}`, { reason: 'segment_number', value: segment });
      const id = await translationOf(command, Number(bulletin), opts.to);
      const asset = await followJob(command, await call(command, 'audio.import', { path: path.resolve(file) }));
      const take = await call(command, 'translation.take.attach', { id, index, assetId: asset.id });
      if (opts.json) return printJson(take);
      process.stdout.write(`${take.index + 1}\t${take.assetId}\t${take.durationSec.toFixed(2)} s\n`);
    });
}

export function registerTranslationCommands(program: Command): void {
  const translate = program
    .command('translate <bulletin>')
    .description('translate a bulletin into a language: a linked bulletin, pre-translated (chuyển ngữ)')
    // Checked in the action, not by commander: a required option here would be asked of `translate assemble` too.
    .option('--to <code>', 'target language, e.g. tyz (required)')
    .addOption(new Option('--engine <engine>', 'also ask the learned engine for segments the TM does not cover').choices(['learned']))
    .option('--json', 'print JSON')
    .action(async (bulletin: string, opts, command: Command) => {
      if (!opts.to) command.error("error: required option '--to <code>' not specified");
      const work = await call(command, 'translation.start', { bulletinId: Number(bulletin), to: opts.to, engine: opts.engine });
      if (opts.json) return printJson(work);
      printSegments(work);
    });
  registerVoicingCommands(translate);

  const tm = program.command('tm').description('bộ nhớ dịch / translation memory');
  pairOptions(tm.command('import <file>').description('import a TMX 1.4b, TSV or CSV file of pairs'), false).action(async (file: string, opts, command: Command) => {
    const result = await call(command, 'translation.tm.import', { path: path.resolve(file), from: opts.from, to: opts.to });
    process.stdout.write(`${result.added} thêm / added, ${result.duplicates} trùng / duplicates, ${result.skipped} bỏ qua / skipped\n`);
  });
  pairOptions(tm.command('export').description('export the pair’s memory (.tmx, .tsv or .csv by extension)'), false)
    .requiredOption('--out <file>', 'where to write')
    .action(async (opts, command: Command) => {
      const { count } = await call(command, 'translation.tm.export', { path: path.resolve(opts.out), from: opts.from, to: opts.to });
      process.stdout.write(`${count}\n`);
    });
  pairOptions(tm.command('search <text>').description('concordance: pairs whose source or target contains the text'))
    .option('--limit <n>', 'how many', (v) => Number(v), 50)
    .option('--json', 'print JSON')
    .action(async (text: string, opts, command: Command) => {
      const found = await call(command, 'translation.tm.search', { from: opts.from, to: opts.to, text, limit: opts.limit });
      if (opts.json) return printJson(found);
      for (const entry of found) process.stdout.write(`${entry.source}\t${entry.target}\n`);
    });

  const glossary = program.command('glossary').description('thuật ngữ / glossary');
  pairOptions(glossary.command('import <file>').description('import a TSV of terms (term, translation, kind, note)'), false).action(async (file: string, opts, command: Command) => {
    const result = await call(command, 'translation.glossary.import', { path: path.resolve(file), from: opts.from, to: opts.to });
    process.stdout.write(`${result.added} thêm / added, ${result.duplicates} trùng / duplicates\n`);
  });
  pairOptions(glossary.command('export').description('export the pair’s glossary as TSV'), false)
    .requiredOption('--out <file>', 'where to write')
    .action(async (opts, command: Command) => {
      const { count } = await call(command, 'translation.glossary.export', { path: path.resolve(opts.out), from: opts.from, to: opts.to });
      process.stdout.write(`${count}\n`);
    });

  const mt = program.command('mt').description('máy dịch / translation engines');
  pairOptions(mt.command('train').description('train the learned engine from the translation memory or a TSV of pairs'), false)
    .option('--tm', 'from the pair’s translation memory (the default)')
    .option('--pairs <file>', 'from a TSV file: source TAB target per line')
    .option('--json', 'print JSON')
    .action(async (opts, command: Command) => {
      if (opts.tm && opts.pairs) throw new StudioError('invalid_argument', 'give --tm or --pairs, not both', { reason: 'tm_or_pairs' });
      const job = await call(command, 'translation.engine.train', { from: opts.from, to: opts.to, pairsPath: opts.pairs ? path.resolve(opts.pairs) : undefined });
      const result = await followJob(command, job);
      if (opts.json) return printJson(result);
      process.stdout.write(`${result.file}\n`);
      process.stderr.write(`${result.header.pairCount} cặp / pairs, ${result.header.trainingSeconds.toFixed(1)} s\n`);
    });
  pairOptions(mt.command('eval').description('measure an engine on a test TSV (source TAB reference): chrF++, BLEU, coverage, time'), false)
    .requiredOption('--test <file>', 'test pairs')
    .addOption(new Option('--engine <engine>', 'engine to measure').choices([...EVALUATION_ENGINES]).makeOptionMandatory())
    .option('--train <file>', 'train (learned) or fill the TM (tm) from this file first, leaving the library’s untouched')
    .option('--out <file>', 'write the hypotheses here, one per line in test order')
    .option('--json', 'print JSON')
    .action(async (opts, command: Command) => {
      const job = await call(command, 'translation.engine.evaluate', {
        from: opts.from, to: opts.to, engine: opts.engine, testPath: path.resolve(opts.test),
        trainPath: opts.train ? path.resolve(opts.train) : undefined, outPath: opts.out ? path.resolve(opts.out) : undefined,
      });
      const result = await followJob(command, job);
      if (opts.json) return printJson(result);
      process.stdout.write(
        `engine ${result.engine}  segments ${result.segments}  chrF++ ${result.chrF.toFixed(2)}  BLEU ${result.bleu.toFixed(2)}  ` +
          `coverage ${(result.coverage * 100).toFixed(1)}%  ${result.msPerSegment.toFixed(1)} ms/segment\n`,
      );
    });
  const pack = mt.command('pack').description('neural model packs (gói mô hình dịch)');
  pack
    .command('install <path>')
    .description('validate (load and translate a test sentence) and install a pack from a folder or a .zip')
    .option('--json', 'print JSON')
    .action(async (source: string, opts, command: Command) => {
      const job = await call(command, 'translation.engine.pack.install', { path: path.resolve(source) });
      const installed = await followJob(command, job);
      if (opts.json) return printJson(installed);
      process.stdout.write(`${installed.id.padEnd(30)} ${installed.layout.padEnd(8)} ${installed.languages.join(',').padEnd(16)} ${installed.licence}\n`);
    });
  pack
    .command('remove <id>')
    .description('remove an installed pack')
    .action(async (id: string, _opts, command: Command) => {
      await call(command, 'translation.engine.pack.remove', { id });
      process.stderr.write(`đã gỡ / removed ${id}\n`);
    });
  pairOptions(mt.command('packs').description('installed neural model packs'))
    .option('--json', 'print JSON')
    .action(async (opts, command: Command) => {
      const { packs } = await call(command, 'translation.engine.status', { from: opts.from, to: opts.to });
      if (opts.json) return printJson(packs);
      for (const p of packs) process.stdout.write(`${p.id.padEnd(30)} ${p.layout.padEnd(8)} ${p.languages.join(',').padEnd(16)} ${p.licence}\n`);
    });
}
