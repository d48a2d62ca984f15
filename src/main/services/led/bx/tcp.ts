/** Opens a BX link over TCP (the cards listen on port 5005). */
import net from 'node:net';
import { streamLink, type BxLink } from './link';

export function openTcpLink(host: string, port: number, timeoutMs: number): Promise<BxLink> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.setNoDelay(true);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(streamLink(socket));
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
