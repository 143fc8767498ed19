#!/usr/bin/env node
// `quire`: the headless Quire (node/cli/main.ts), run through tsx's ESM loader.
import { register } from 'tsx/esm/api';

register();
await import('../node/cli/main.ts');
