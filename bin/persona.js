#!/usr/bin/env node
// Tiny launcher: everything lives in the bundled build (npm run build, run by `npm install`).
import module from 'node:module';

// On Node 22.1 and later, V8's compiled code for the bundle is kept between runs, so a start-up
// does not parse and compile the same code again (the largest part of the chat's first frame
// after Ink itself). Node 20 has no such API and starts as before.
module.enableCompileCache?.();
await import('../dist/cli.js');
