import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startServeProcess } from './serve-process.js';

// The Python `openai` SDK against a real `persona serve`. Tests never reach the internet, so the
// SDK is not a dependency: it goes in a virtualenv (.venv-py-clients, made by .ci/run or by this
// test) where pip can reach an index, or is found installed system-wide. Where neither is so, the
// test is skipped and says why.

const VENV_PYTHON = fileURLToPath(new URL('../../.venv-py-clients/bin/python', import.meta.url));
const CHECK = fileURLToPath(new URL('./python/openai_client_check.py', import.meta.url));

function importsOpenAI(python: string): boolean {
  return spawnSync(python, ['-c', 'import openai'], { encoding: 'utf8' }).status === 0;
}

/**
 * The same virtualenv .ci/run makes, made here when it is missing, so `npm test` alone runs this
 * test wherever pip can reach a package index (a local mirror included). pip is told not to
 * retry, so a machine with no index costs seconds, not minutes.
 */
function makeVenv(): boolean {
  const venv = fileURLToPath(new URL('../../.venv-py-clients', import.meta.url));
  if (spawnSync('python3', ['-m', 'venv', venv], { stdio: 'ignore' }).status !== 0) return false;
  const pip = spawnSync(
    `${venv}/bin/pip`,
    ['install', '-q', '--no-cache-dir', '--disable-pip-version-check', '--retries', '0', '--timeout', '10', 'openai'],
    // pip reads its index settings (a mirror, say) from the user's real config folder, which the
    // test setup hides behind a temporary HOME; --no-cache-dir keeps it from writing there.
    {
      stdio: 'ignore',
      timeout: 120_000,
      env: { ...process.env, HOME: userInfo().homedir, XDG_CONFIG_HOME: undefined, XDG_CACHE_HOME: undefined },
    },
  );
  if (pip.status === 0) return true;
  rmSync(venv, { recursive: true, force: true });
  return false;
}

function pythonWithOpenAI(): { python?: string; reason?: string } {
  if (existsSync(VENV_PYTHON) && importsOpenAI(VENV_PYTHON)) return { python: VENV_PYTHON };
  if (importsOpenAI('python3')) return { python: 'python3' };
  if (makeVenv() && importsOpenAI(VENV_PYTHON)) return { python: VENV_PYTHON };
  return {
    reason:
      'Python `openai` is not installed and pip could not install it into .venv-py-clients (no package index reachable), and Debian has no python3-openai',
  };
}

const found = pythonWithOpenAI();
if (!found.python) console.warn(`skipped: ${found.reason}`);

describe('Python openai client', () => {
  // Where it skips, the title says why and how to make it run.
  it.skipIf(!found.python)(
    `lists models, chats, streams and uses the Responses API${found.python ? '' : ` (skipped: ${found.reason}; CI installs it)`}`,
    async () => {
      const serve = await startServeProcess();
      const output = execFileSync(found.python!, [CHECK, serve.url], { encoding: 'utf8', timeout: 60_000 });
      expect(output.trim()).toBe('ok');
    },
    90_000,
  );
});
