/**
 * The studio's side of the serial benchmark, in a process of its own, as in the product (a send or
 * a flash runs in its job's worker process): in the bench's own process it would share one event
 * loop and one thread pool with the pacing relay and the STM32 emulator, which the reference
 * tools (separate programs) do not. Loads everything, says `ready`, starts on a line from stdin,
 * and answers one JSON line.
 *
 *   serial-studio-side.ts ymodem PORT FILE      YMODEM-1K send of FILE
 *   serial-studio-side.ts stm32 PORT FILE       flash + verify of FILE (.bin at 0x08000000)
 *
 * A YMODEM send also answers its marks on the monotonic clock (bench/serial-turns.ts): when each
 * 1-byte read (an ACK) resolved and when each write was called. Taking them costs a clock read
 * and an array push in callbacks the sender already has.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { ByteLink } from '../src/main/services/serial/link/byte-link.ts';
import { openSerialLink } from '../src/main/services/serial/link/serial-port-link.ts';
import { loadBin } from '../src/main/services/serial/firmware/image.ts';
import { flashStm32 } from '../src/main/services/serial/stm32/flasher.ts';
import { sendYmodem } from '../src/main/services/serial/xymodem/sender.ts';

const [mode, port, file] = process.argv.slice(2) as [string, string, string];
const data = fs.readFileSync(file);
const input = readline.createInterface({ input: process.stdin });
process.stdout.write('ready\n');
await new Promise((resolve) => input.once('line', resolve));
input.close();

const clock = () => Number(process.hrtime.bigint()) / 1e6;
const marks = { ackSeen: [] as number[], writeCalled: [] as number[] };

/** The link with marks taken as reads resolve and writes are called; otherwise the same object. */
function marked(link: ByteLink): ByteLink {
  const read = link.read.bind(link);
  const write = link.write.bind(link);
  link.read = (count, timeoutMs, signal) => read(count, timeoutMs, signal).then((b) => (marks.ackSeen.push(clock()), b));
  link.write = (bytes, signal) => (marks.writeCalled.push(clock()), write(bytes, signal));
  return link;
}

const started = performance.now();
if (mode === 'ymodem') {
  const link = marked(await openSerialLink({ path: port, baudRate: 115_200 }));
  await sendYmodem(link, [{ name: path.basename(file), data }]);
  await link.close();
} else {
  const link = await openSerialLink({ path: port, baudRate: 115_200, parity: 'even' });
  await flashStm32(link, loadBin(data, 0x0800_0000), { verify: true });
  await link.close();
}
process.stdout.write(`${JSON.stringify({ seconds: (performance.now() - started) / 1000, marks })}\n`);
