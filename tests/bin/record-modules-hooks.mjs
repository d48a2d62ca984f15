import fs from 'node:fs';

let log = null;
export function initialize(data) {
  log = data.log;
}
export async function load(url, context, next) {
  if (log && url.startsWith('file:')) fs.appendFileSync(log, `${process.pid} ${url}\n`);
  return next(url, context);
}
