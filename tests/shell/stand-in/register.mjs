// `node --import ./register.mjs main.js`: the built main process gets the stand-in for `electron`.
import { register } from 'node:module';

register('./resolve-electron.mjs', import.meta.url);
