import type { Command } from 'commander';
import { call, followJob, printJson } from '../session.ts';

export function registerLibraryCommands(program: Command): void {
  program
    .command('search <text...>')
    .description('search titles and scripts, ignoring diacritics and case ("thoi tiet" finds "Thời tiết")')
    .option('--limit <n>', 'how many', (v) => Number(v), 50)
    .option('--json', 'print JSON')
    .action(async (words: string[], opts, command: Command) => {
      const { items, total } = await call(command, 'library.search', { text: words.join(' '), limit: opts.limit });
      if (opts.json) return printJson(items);
      for (const item of items) process.stdout.write(`${String(item.id).padStart(6)}  ${item.title}\n`);
      process.stderr.write(`${total} kết quả / results\n`);
    });

  program
    .command('backup <destDir>')
    .description('copy the database and every audio file into a new dated folder')
    .action(async (destDir: string, _opts, command: Command) => {
      const job = await call(command, 'library.backup', { destDir });
      printJson(await followJob(command, job));
    });
}
