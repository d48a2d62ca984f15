import { Command, Option } from 'commander';
import { CATEGORIES, PRIORITIES, STATUSES } from '../../../shared/api/library-types.ts';
import type { Bulletin } from '../../../shared/api/library-types.ts';
import { parseId } from '../parse-id.ts';
import { readTextInput } from '../read-input.ts';
import { call, printJson } from '../session.ts';

async function readScript(file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return undefined;
  return (await readTextInput(file)).toString('utf8').normalize('NFC');
}

const printTable = (rows: { id: number; status: string; priority: string; title: string }[]) => {
  for (const row of rows) process.stdout.write(`${String(row.id).padStart(6)}  ${row.status.padEnd(9)} ${row.priority.padEnd(9)} ${row.title}\n`);
};

export function registerBulletinCommands(program: Command): void {
  const bulletin = program.command('bulletin').description('bản tin / bulletins');

  bulletin
    .command('list')
    .description('list bulletins, newest first')
    .addOption(new Option('--status <status>').choices(STATUSES))
    .addOption(new Option('--priority <priority>').choices(PRIORITIES))
    .addOption(new Option('--category <category>').choices(CATEGORIES))
    .option('--limit <n>', 'how many', (v) => Number(v), 50)
    .option('--json', 'print JSON')
    .action(async (opts, command: Command) => {
      const { items } = await call(command, 'bulletin.list', {
        status: opts.status,
        priority: opts.priority,
        category: opts.category,
        limit: opts.limit,
      });
      if (opts.json) printJson(items);
      else printTable(items);
    });

  bulletin
    .command('create')
    .description('create a draft bulletin')
    .requiredOption('--title <title>', 'title')
    .option('--script-file <file>', 'UTF-8 text file with the script ("-" for stdin)')
    .addOption(new Option('--category <category>').choices(CATEGORIES))
    .addOption(new Option('--priority <priority>').choices(PRIORITIES))
    .option('--language <code>', 'ISO 639 language code', 'vi')
    .option('--author <name>', 'author')
    .option('--json', 'print JSON')
    .action(async (opts, command: Command) => {
      const created = await call(command, 'bulletin.create', {
        title: opts.title,
        script: await readScript(opts.scriptFile),
        category: opts.category,
        priority: opts.priority,
        language: opts.language,
        author: opts.author,
      });
      if (opts.json) printJson(created);
      else process.stdout.write(`${created.id}\n`);
    });

  bulletin
    .command('show <id>')
    .description('print one bulletin as JSON')
    .action(async (id: string, _opts, command: Command) => {
      printJson(await call(command, 'bulletin.get', { id: Number(id) }));
    });

  const printMoved = (moved: Bulletin, json: boolean) => {
    if (json) printJson(moved);
    else process.stdout.write(`${moved.id} ${moved.status}${moved.approver ? ` ${moved.approver}` : ''}\n`);
  };

  bulletin
    .command('submit <id>')
    .description('gửi duyệt / submit a draft for approval')
    .option('--json', 'print JSON')
    .action(async (id: string, opts, command: Command) => {
      printMoved(await call(command, 'bulletin.transition', { id: parseId(id), to: 'submitted' }), opts.json);
    });

  bulletin
    .command('approve <id>')
    .description('duyệt / approve a submitted bulletin (refused while its audio is stale)')
    .option('--approver <name>', "the approver's name (default: the user name in Settings)")
    .option('--json', 'print JSON')
    .action(async (id: string, opts, command: Command) => {
      const approver: string = opts.approver ?? (await call(command, 'settings.get', {})).userName;
      // An empty name goes on to the studio, which refuses it with its own coded reason.
      printMoved(await call(command, 'bulletin.transition', { id: parseId(id), to: 'approved', approver: approver || undefined }), opts.json);
    });

  bulletin
    .command('duplicate <id>')
    .description('nhân bản / copy a bulletin into a new draft (without its audio)')
    .option('--json', 'print JSON')
    .action(async (id: string, opts, command: Command) => {
      const copy = await call(command, 'bulletin.duplicate', { id: parseId(id) });
      if (opts.json) printJson(copy);
      else process.stdout.write(`${copy.id}\n`);
    });
}
