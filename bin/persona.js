#!/usr/bin/env node
// Tiny launcher: everything lives in the bundled build (npm run build, run by `npm install`),
// loaded through V8's code cache (load-bundle.js).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isatty } from 'node:tty';
import { setFlagsFromString } from 'node:v8';
import { cacheNameFor, loadBundle } from './load-bundle.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // Answered before the bundle loads (reading it is most of any other start): scripts call it often.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const onTerminal = isatty(0) && isatty(1);
  // On a terminal the chat may start, and it sets this V8 flag (src/cli/chat/run-ink.ts says why).
  // V8 refuses a code cache made under other flags, so it is set before the bundle is compiled:
  // the cache a terminal command writes at exit then matches the next start's flags.
  if (onTerminal) setFlagsFromString('--no-regexp-tier-up');
  const bundle = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
  if (!existsSync(bundle)) {
    // A checkout pulled without building: say how to fix it rather than print a stack trace.
    process.stderr.write(
      `persona: the built CLI (${bundle}) is missing; run \`npm run build\` (or \`npm install\`) in ${dirname(dirname(bundle))}\n`,
    );
    process.exit(1);
  }
  if (process.env.PERSONA_DEBUG) {
    // Stack traces name src/ files and lines through the bundle's source map: Node applies source
    // maps to the modules it loads, not to code compiled with vm.Script as loadBundle does, so a
    // debugging run loads the bundle with require(), without the code cache.
    process.setSourceMapsEnabled(true);
    await createRequire(import.meta.url)(bundle).main(process.argv);
  } else {
    await loadBundle(bundle, cacheNameFor(args, onTerminal)).main(process.argv);
  }
}
