import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

// The built CLI, as a user runs it: `persona serve --port 0` prints its URL on stdout, serves,
// and exits cleanly on SIGTERM.

function startServe(home: string, extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, PERSONA_HOME: home };
  for (const key of ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'OPENAI_BASE_URL', 'ANTHROPIC_BASE_URL', 'PERSONA_SERVER_TOKEN'])
    delete env[key];
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n')) resolve(line!);
    });
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, url, exited, stderr: () => stderr };
}

describe('persona serve (built CLI)', () => {
  it('prints the bound URL, serves a chat, and exits 0 on SIGTERM', async () => {
    const home = tempDir();
    const serve = startServe(home);
    try {
      const url = await serve.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${url}/api/personas/cfo/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"message":"Hello from the test"}',
      });
      expect(response.status).toBe(200);
      expect((await response.json()).response.content.length).toBeGreaterThan(0);
      serve.child.kill('SIGTERM');
      expect(await serve.exited).toBe(0);
      expect(serve.stderr()).toContain('POST /api/personas/cfo/chat 200');
      const listed = await runCli(['sessions', 'list', '--json'], { home });
      expect(JSON.parse(listed.stdout)[0]).toMatchObject({ personaId: 'cfo', messageCount: 2 });
    } finally {
      serve.child.kill('SIGKILL');
    }
  }, 30_000);

  it('refuses to bind beyond loopback without a token (exit 2)', async () => {
    const result = await runCli(['serve', '--host', '0.0.0.0', '--port', '0'], { home: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs a token');
  });

  it('requires the token given with PERSONA_SERVER_TOKEN', async () => {
    const home = tempDir();
    const serve = startServe(home, { PERSONA_SERVER_TOKEN: 'cli-test-token-0123456789' });
    try {
      const url = await serve.url;
      expect((await fetch(`${url}/api/personas`)).status).toBe(401);
      expect((await fetch(`${url}/api/personas`, { headers: { authorization: 'Bearer cli-test-token-0123456789' } })).status).toBe(200);
      serve.child.kill('SIGINT');
      expect(await serve.exited).toBe(0);
      expect(serve.stderr()).not.toContain('cli-test-token-0123456789');
    } finally {
      serve.child.kill('SIGKILL');
    }
  }, 30_000);
});
