#!/usr/bin/env node
// The `studio` command. Runs the TypeScript sources through tsx, so the CLI works from a clone
// without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main/cli/main.ts');
