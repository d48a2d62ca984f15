// What an Electron utility process has and a forked Node process lacks: `process.parentPort`.
// Loaded with --import into the stand-in's utility processes, over Node's own IPC channel. Like
// Electron's, the port holds messages until the first 'message' listener starts it.
import { EventEmitter } from 'node:events';

const port = new EventEmitter();
let queue = [];
process.on('message', (data) => (queue ? queue.push(data) : port.emit('message', { data })));
port.on('newListener', (event) => {
  if (event !== 'message' || !queue) return;
  const held = queue;
  queue = null;
  setImmediate(() => held.forEach((data) => port.emit('message', { data })));
});
port.postMessage = (message) => process.send(message);
process.parentPort = port;
