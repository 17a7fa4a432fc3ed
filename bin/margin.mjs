#!/usr/bin/env node
// The `margin` command: runs the TypeScript CLI through tsx, so it works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
