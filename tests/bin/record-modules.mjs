// Loaded with `node --import` (through NODE_OPTIONS, so child processes load it too): records the
// URL of every module each process loads from a file, one per line, in STUDIO_TEST_MODULE_LOG.
import { register } from 'node:module';

register(new URL('./record-modules-hooks.mjs', import.meta.url), { data: { log: process.env.STUDIO_TEST_MODULE_LOG } });
