/**
 * Opens a BX link over a serial port. The one place that touches `serialport`, so the port can
 * later come from the serial-devices domain's face instead.
 */
import { streamLink, type BxLink } from './link';

export async function openSerialLink(path: string, baudRate: number): Promise<BxLink> {
  // Loaded on first use (a native addon): commands that open no port do not pay for it.
  const { SerialPort } = await import('serialport');
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate, dataBits: 8, stopBits: 1, parity: 'none', autoOpen: false });
    port.open((error) => (error ? reject(error) : resolve(streamLink(port))));
  });
}
