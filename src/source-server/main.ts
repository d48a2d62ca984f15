/**
 * `npm run source-server -- <command>`: run the reference source server and manage its
 * accounts, tokens and editorial statuses (for demonstrations and the tests).
 */
import { Command, InvalidArgumentError } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { BulletinRecords } from './bulletins.ts';
import { createAccount, createToken, openSourceDb, SOURCE_STATUSES, type SourceStatus } from './db.ts';
import { startSourceServer } from './server.ts';

const int = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number');
  return n;
};
const dataOption = ['--data <dir>', 'server data directory', 'source-server-data'] as const;

const program = new Command('source-server').description('Reference provincial source system (tus + JSON API)');

program
  .command('serve')
  .option(...dataOption)
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--port <port>', 'port (0 = any free port)', int, 8787)
  .option('--tls-key <file>', 'PEM private key: serve HTTPS')
  .option('--tls-cert <file>', 'PEM certificate: serve HTTPS')
  .option('--simulate-status <status>', 'answer every request with this HTTP status (fault drills)', int)
  .action(async (opts: { data: string; host: string; port: number; tlsKey?: string; tlsCert?: string; simulateStatus?: number }) => {
    if (Boolean(opts.tlsKey) !== Boolean(opts.tlsCert)) throw new InvalidArgumentError('--tls-key and --tls-cert go together');
    const server = await startSourceServer({
      dataDir: path.resolve(opts.data),
      host: opts.host,
      port: opts.port,
      tls: opts.tlsKey && opts.tlsCert ? { key: fs.readFileSync(opts.tlsKey), cert: fs.readFileSync(opts.tlsCert) } : undefined,
      simulateStatus: opts.simulateStatus,
    });
    // Tests read this exact line to learn the port.
    console.log(`listening on ${server.url}`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

const account = program.command('account').description('accounts');
account
  .command('create <name>')
  .option(...dataOption)
  .action((name: string, opts: { data: string }) => {
    const db = openSourceDb(path.resolve(opts.data));
    console.log(JSON.stringify(createAccount(db, name)));
    db.close();
  });

const token = program.command('token').description('access tokens');
token
  .command('create <account>')
  .option(...dataOption)
  .option('--expires-in-hours <hours>', 'lifetime; omit for a token that does not expire', Number)
  .action((accountName: string, opts: { data: string; expiresInHours?: number }) => {
    const db = openSourceDb(path.resolve(opts.data));
    const expiresAt = opts.expiresInHours === undefined ? null : new Date(Date.now() + opts.expiresInHours * 3_600_000);
    // The one time the token is shown: hand it to the studio's connection settings.
    console.log(createToken(db, accountName, { expiresAt }));
    db.close();
  });

program
  .command('status <id> <status>')
  .description(`set a bulletin's editorial status (${SOURCE_STATUSES.join(', ')})`)
  .option(...dataOption)
  .option('--reason <text>', 'why (for rejected)')
  .action((id: string, status: string, opts: { data: string; reason?: string }) => {
    if (!SOURCE_STATUSES.includes(status as SourceStatus)) throw new InvalidArgumentError(`one of ${SOURCE_STATUSES.join(', ')}`);
    const db = openSourceDb(path.resolve(opts.data));
    const record = new BulletinRecords(db).setStatus(int(id), status as SourceStatus, opts.reason ?? null);
    db.close();
    if (!record) throw new InvalidArgumentError(`no bulletin ${id}`);
    console.log(JSON.stringify({ id: record.id, status: record.status, reason: record.reason }));
  });

program
  .command('list')
  .option(...dataOption)
  .action((opts: { data: string }) => {
    const db = openSourceDb(path.resolve(opts.data));
    console.log(JSON.stringify(new BulletinRecords(db).list(null, 1000), null, 2));
    db.close();
  });

await program.parseAsync(process.argv);
