/** The line-based driver against a small scripted transmitter on the other end of a pty pair. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { StudioError } from '../../../../src/shared/errors.ts';
import type { ByteLink } from '../../../../src/main/services/serial/link/byte-link.ts';
import { openSerialLink } from '../../../../src/main/services/serial/link/serial-port-link.ts';
import { LineDriver, type LineDriverConfig } from '../../../../src/main/services/serial/line/line-driver.ts';
import { openPtyPair, type PtyPair } from './pty.ts';

let pty: PtyPair;
let link: ByteLink;
let peer: ByteLink;
let stopPeer: () => void;

/** A transmitter: echoes each command, then answers; FREQ is settable; unknown commands get ERR. */
function scriptedTransmitter(port: ByteLink): () => void {
  let frequency = '99.90';
  let running = true;
  let text = '';
  void (async () => {
    while (running) {
      const chunk = await port.readSome(60_000).catch(() => null);
      if (!chunk) continue;
      text += chunk.toString();
      let end: number;
      while ((end = text.indexOf('\r\n')) >= 0) {
        const line = text.slice(0, end);
        text = text.slice(end + 2);
        let answer: string;
        if (line === '*IDN?') answer = 'ACME,FM-500,SN123,v2.1';
        else if (line === 'FREQ?') answer = `FREQ ${frequency}`;
        else if (line.startsWith('FREQ ')) {
          frequency = line.slice(5);
          answer = 'OK';
        } else if (line === 'POW?') answer = 'POW 480 W';
        else if (line === 'MUTE?') continue; // never answers
        else answer = 'ERR 7';
        await port.write(Buffer.from(`${line}\r\n${answer}\r\n`));
      }
    }
  })();
  return () => (running = false);
}

const config: LineDriverConfig = {
  eol: '\r\n',
  identify: 'idn',
  status: ['frequency', 'power'],
  commands: {
    idn: { send: '*IDN?', reply: '^(?<maker>[^,]+),(?<model>[^,]+),(?<serial>[^,]+),(?<version>.+)$' },
    frequency: { send: 'FREQ?', reply: '^FREQ (?<mhz>\\d+\\.\\d+)$' },
    setFrequency: { send: 'FREQ {mhz}', reply: '^OK$', error: '^ERR (?<code>\\d+)$' },
    power: { send: 'POW?', reply: '^POW (?<watts>\\d+) W$' },
    mute: { send: 'MUTE?', reply: '^MUTE (?<on>[01])$', timeoutMs: 500 },
    bogus: { send: 'XYZ', reply: '^OK$', error: '^ERR (?<code>\\d+)$' },
  },
};

beforeEach(async () => {
  pty = await openPtyPair();
  link = await openSerialLink({ path: pty.a });
  peer = await openSerialLink({ path: pty.b });
  stopPeer = scriptedTransmitter(peer);
});

afterEach(async () => {
  stopPeer();
  await link.close();
  await peer.close();
  await pty.close();
});

it('identifies, reads status and sets a value', async () => {
  const driver = new LineDriver(link, config);
  expect(await driver.identify()).toMatchObject({ protocol: 'line', model: 'FM-500', details: { serial: 'SN123' } });
  expect(await driver.readStatus()).toEqual({ frequency: { mhz: '99.90' }, power: { watts: '480' } });
  await driver.run('setFrequency', { mhz: '101.50' });
  expect(await driver.run('frequency')).toEqual({ mhz: '101.50' });
});

it('a refusal, a silence and a bad argument are coded errors', async () => {
  const driver = new LineDriver(link, config);
  expect(((await driver.run('bogus').catch((e: unknown) => e)) as StudioError).details).toMatchObject({ groups: { code: '7' } });
  expect(((await driver.run('mute').catch((e: unknown) => e)) as StudioError).code).toBe('device_timeout');
  expect(((await driver.run('setFrequency', {}).catch((e: unknown) => e)) as StudioError).code).toBe('invalid_argument');
  expect(((await driver.run('setFrequency', { mhz: '1\r\nPOW 0' }).catch((e: unknown) => e)) as StudioError).code).toBe('invalid_argument');
  expect(() => new LineDriver(link, { commands: { x: { send: 'X', reply: '(' } } })).toThrow(StudioError);
});
