/** Zod schemas for what crosses into the serial service (device profiles, port settings). */
import { z } from 'zod';

export const portSettingsSchema = z.object({
  path: z.string().min(1).max(260),
  baudRate: z.number().int().min(50).max(4_000_000).default(115_200),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).default('none'),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
  flowControl: z.enum(['none', 'rtscts', 'xonxoff']).default('none'),
});

export const deviceProfileInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  kind: z.enum(['receiver', 'transmitter', 'led_controller', 'other']),
  port: portSettingsSchema,
  driver: z.enum(['ymodem', 'xmodem', 'xmodem1k', 'stm32', 'esp', 'modbus', 'line']),
  options: z.record(z.string(), z.unknown()).default({}),
});

export type DeviceProfileInput = z.input<typeof deviceProfileInputSchema>;
