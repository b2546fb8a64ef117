import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startServeProcess } from './serve-process.js';

// The Python `openai` SDK against a real `persona serve`. Tests never reach the internet, so the
// SDK is not installed here: .ci/run puts it in a virtualenv (.venv-py-clients) where pip can reach
// an index, or finds it installed system-wide. Where neither is so, the test is skipped and says why.

const VENV_PYTHON = fileURLToPath(new URL('../../.venv-py-clients/bin/python', import.meta.url));
const CHECK = fileURLToPath(new URL('./python/openai_client_check.py', import.meta.url));

function pythonWithOpenAI(): { python?: string; reason?: string } {
  for (const python of [VENV_PYTHON, 'python3']) {
    if (python === VENV_PYTHON && !existsSync(python)) continue;
    const probe = spawnSync(python, ['-c', 'import openai; print(openai.__version__)'], { encoding: 'utf8' });
    if (probe.status === 0) return { python };
  }
  return {
    reason:
      'Python `openai` is not installed: no .venv-py-clients (pip could not reach a package index when .ci/run made it) and no system package (Debian has no python3-openai)',
  };
}

const found = pythonWithOpenAI();
if (!found.python) console.warn(`skipped: ${found.reason}`);

describe('Python openai client', () => {
  it.skipIf(!found.python)(
    'lists models, chats, streams and uses the Responses API',
    async () => {
      const serve = await startServeProcess();
      const output = execFileSync(found.python!, [CHECK, serve.url], { encoding: 'utf8', timeout: 60_000 });
      expect(output.trim()).toBe('ok');
    },
    90_000,
  );
});
