/**
 * A driver for devices that speak lines of text (an FM transmitter's "FREQ?" / "FREQ 99.9"):
 * commands are templates, replies are matched by regular expressions whose named groups become
 * the values. Configured per device profile, so a new vendor needs settings, not code.
 */
import { StudioError } from '../../../../shared/errors.ts';
import type { DeviceIdentity } from '../../../../shared/api/serial-types.ts';
import type { ByteLink } from '../link/byte-link.ts';
import { deviceError } from '../device-errors.ts';

export interface LineCommand {
  /** Text sent, with {name} placeholders filled from the call's arguments. */
  send: string;
  /** Pattern the reply line must match; named groups are returned. */
  reply: string;
  /** A reply matching this is the device refusing (e.g. "^ERR (?<code>\d+)"). */
  error?: string;
  timeoutMs?: number;
}

export interface LineDriverConfig {
  /** Line ending sent after each command. */
  eol?: '\r\n' | '\n' | '\r';
  commands: Record<string, LineCommand>;
  /** The command whose reply identifies the device (its `model` group names it). */
  identify?: string;
  /** Commands read for a status panel. */
  status?: string[];
}

export class LineDriver {
  private buffer = '';

  constructor(
    readonly link: ByteLink,
    readonly config: LineDriverConfig,
  ) {
    for (const [name, command] of Object.entries(config.commands)) {
      try {
        new RegExp(command.reply);
        if (command.error) new RegExp(command.error);
      } catch {
        throw new StudioError('invalid_argument', 'line.pattern', { command: name });
      }
    }
  }

  private async readLine(deadline: number, signal?: AbortSignal): Promise<string> {
    for (;;) {
      const end = this.buffer.search(/\r\n|\n|\r/);
      if (end >= 0) {
        const line = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + (this.buffer.startsWith('\r\n', end) ? 2 : 1));
        if (line.trim() !== '') return line.trim();
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw deviceError('device_timeout', 'line.reply', 'untouched', 'check_settings');
      this.buffer += (await this.link.readSome(left, signal)).toString('utf8');
    }
  }

  /** Sends a command and waits for the line matching its reply (other lines are echoes or chatter). */
  async run(name: string, args: Record<string, string | number> = {}, signal?: AbortSignal): Promise<Record<string, string>> {
    const command = this.config.commands[name];
    if (!command) throw new StudioError('invalid_argument', 'line.unknown_command', { command: name });
    const text = command.send.replace(/\{(\w+)\}/g, (_, key: string) => {
      if (!(key in args)) throw new StudioError('invalid_argument', 'line.missing_argument', { command: name, argument: key });
      return String(args[key]);
    });
    if (/[\r\n]/.test(text)) throw new StudioError('invalid_argument', 'line.newline_in_argument', { command: name });
    this.buffer = '';
    this.link.discardInput();
    await this.link.write(Buffer.from(text + (this.config.eol ?? '\r\n'), 'utf8'), signal);
    const reply = new RegExp(command.reply);
    const refusal = command.error ? new RegExp(command.error) : null;
    const deadline = Date.now() + (command.timeoutMs ?? 2000);
    for (;;) {
      const line = await this.readLine(deadline, signal).catch((error: unknown) => {
        if (error instanceof StudioError && error.code === 'device_timeout') throw deviceError('device_timeout', `line.${name}`, 'unknown', 'check_settings');
        throw error;
      });
      const refused = refusal?.exec(line);
      if (refused) throw deviceError('device_refused', `line.${name}`, 'unknown', 'check_settings', { groups: { ...refused.groups } });
      const match = reply.exec(line);
      if (match) return { ...match.groups };
    }
  }

  async identify(signal?: AbortSignal): Promise<DeviceIdentity> {
    if (!this.config.identify) throw deviceError('device_unidentified', 'line.identify', 'untouched', 'check_settings');
    const groups = await this.run(this.config.identify, {}, signal);
    return { protocol: 'line', model: groups.model ?? 'unknown', details: groups };
  }

  async readStatus(signal?: AbortSignal): Promise<Record<string, Record<string, string>>> {
    const out: Record<string, Record<string, string>> = {};
    for (const name of this.config.status ?? []) out[name] = await this.run(name, {}, signal);
    return out;
  }
}
