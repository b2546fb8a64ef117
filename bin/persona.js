#!/usr/bin/env node
// Tiny launcher: everything lives in the bundled build (npm run build, run by `npm install`).
import '../dist/cli.js';
