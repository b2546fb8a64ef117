import { existsSync } from 'node:fs';
import { findProgram } from './find-program.js';

// Debian/Ubuntu ship pocketsphinx 0.8 (`pocketsphinx_continuous`) with its US English model in a
// separate package; newer builds from source have a single `pocketsphinx` CLI instead.

export const POCKETSPHINX_INSTALL =
  process.platform === 'darwin' ? 'brew install cmu-pocketsphinx' : 'apt-get install pocketsphinx pocketsphinx-en-us';

/** Where Debian's pocketsphinx-en-us puts the acoustic model the 0.8 binary loads by default. */
export const POCKETSPHINX_MODEL_DIRS = ['/usr/share/pocketsphinx/model/en-us/en-us', '/usr/local/share/pocketsphinx/model/en-us/en-us'];

export function findPocketsphinx(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return findProgram('pocketsphinx_continuous', env);
}

/** The English model folder, or undefined when the model package is missing. */
export function findPocketsphinxModel(): string | undefined {
  return POCKETSPHINX_MODEL_DIRS.find((dir) => existsSync(dir));
}
