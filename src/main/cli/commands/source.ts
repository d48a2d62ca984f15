import path from 'node:path';
import { Command } from 'commander';
import { StudioError } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { readTextInput } from '../read-input.ts';
import { call, printJson } from '../session.ts';

/** A token file holds the token alone: surrounding blank lines and spaces are not part of it. */
async function readToken(file: string): Promise<string> {
  const token = (await readTextInput(file)).toString('utf8').trim();
  if (!token) throw new StudioError('invalid_argument', `${file}: no token in the file`, { reason: 'token_file_empty', path: file });
  if (/\s/.test(token)) throw new StudioError('invalid_argument', `${file}: more than one line or word`, { reason: 'token_file_not_one_token', path: file });
  return token;
}

export function registerSourceCommands(program: Command): void {
  const source = program.command('source').description('hệ thống thông tin nguồn / the provincial source system');

  source
    .command('configure')
    .description('lưu địa chỉ, token (và chứng chỉ) rồi kiểm tra kết nối / save the address, token (and CA) and test the connection')
    .requiredOption('--url <url>', 'the source server, e.g. https://nguon.tinh.gov.vn')
    .requiredOption('--token-file <file>', 'a file holding the access token the province issued ("-" for stdin)')
    .option('--ca <file>', 'PEM certificate of the authority that signed the server (self-signed provincial servers)')
    .option('--no-test', 'save only; do not test the connection')
    .option('--json', 'print the saved settings (and the test) as JSON')
    .action(async (opts: { url: string; tokenFile: string; ca?: string; test: boolean; json?: boolean }, command: Command) => {
      const token = await readToken(opts.tokenFile);
      const settings = await call(command, 'delivery.settings.update', {
        serverUrl: opts.url,
        token,
        caCertPath: opts.ca === undefined ? undefined : path.resolve(opts.ca),
      });
      process.stderr.write(`Đã lưu / saved: ${settings.serverUrl}\n`);
      const connection = opts.test ? await call(command, 'delivery.testConnection', {}) : null;
      if (opts.json) {
        printJson({ settings, connection });
        return;
      }
      if (connection) {
        const expires = connection.tokenExpiresAt ? formatDateTime(connection.tokenExpiresAt) : 'không hết hạn / never';
        process.stdout.write(`Kết nối tốt / connected: ${connection.server} · ${connection.account} · token hết hạn / expires: ${expires}\n`);
      }
    });
}
