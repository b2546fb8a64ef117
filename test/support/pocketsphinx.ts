import { findPocketsphinx, findPocketsphinxModel } from '../../src/voice/pocketsphinx-install.js';

// The local-transcriber tests need pocketsphinx and its English model. `.ci/run` installs them, so
// in CI they always run: a CI without them fails here instead of passing with the tests skipped.
// On a developer machine without them (`apt-get install pocketsphinx pocketsphinx-en-us`), they skip.
const installed = Boolean(findPocketsphinx() && findPocketsphinxModel());
if (!installed && process.env.CI) throw new Error('CI must install pocketsphinx and pocketsphinx-en-us (see .ci/run)');

if (!installed) {
  console.warn(
    'skipped: the pocketsphinx tests need pocketsphinx and its English model: apt-get install pocketsphinx pocketsphinx-en-us (.ci/run does)',
  );
}

export const withoutPocketsphinx = !installed;

/** Said in the title of each test that needs pocketsphinx, so a skipped one says why and how to run it. */
export const NEEDS_POCKETSPHINX = '(needs pocketsphinx: apt-get install pocketsphinx pocketsphinx-en-us; CI installs it and never skips)';
