#!/usr/bin/env node
// The installed `kalm` command: runs the TypeScript CLI through tsx (a runtime dependency).
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
