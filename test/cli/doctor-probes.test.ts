import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { closedPortUrl } from '../providers/stream-helpers.js';
import { join } from 'node:path';
import { installFakeRecorder, PRICING_WAV } from '../voice/fake-recorder.js';

// `persona doctor` tries the configured model server instead of trusting the settings: a closed
// port is a failure with the fix, a server that answers is a pass.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer({ apiKey: 'sk-test-doctor' });
});
afterAll(() => wire.close());

describe('persona doctor probes the model server', { timeout: 30_000 }, () => {
  it('fails for a base URL where nothing listens, naming the host and the fix', async () => {
    const url = await closedPortUrl();
    const run = await runCli(['doctor'], { home: tempDir(), env: { OPENAI_API_KEY: 'sk-test-doctor', OPENAI_BASE_URL: `${url}/v1` } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`✗ replies from: openai · .* cannot reach ${new URL(url).host} \\(connection refused\\)`));
    expect(run.stdout).toMatch(/fix: check the base URL/);
  });

  it('passes when the server answers (a one-token request when it lists no models), and fails a rejected key', async () => {
    wire.reset();
    const ok = await runCli(['doctor', '--json'], {
      home: tempDir(),
      env: { OPENAI_API_KEY: 'sk-test-doctor', OPENAI_BASE_URL: `${wire.url}/v1` },
    });
    expect(ok.code, ok.stdout).toBe(0);
    const finding = JSON.parse(ok.stdout).setup.findings.find((f: { what: string }) => f.what.startsWith('replies from'));
    expect(finding).toMatchObject({ ok: true });
    expect(finding.what).toMatch(/answers/);
    expect(wire.requests.some((r) => r.body?.max_tokens === 1)).toBe(true);

    const bad = await runCli(['doctor'], { home: tempDir(), env: { OPENAI_API_KEY: 'sk-wrong-key', OPENAI_BASE_URL: `${wire.url}/v1` } });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/rejected the API key \(HTTP 401\)/);
    expect(bad.stdout).not.toContain('sk-wrong-key');
  });

  it('records 0.2 s to test the microphone: a recorder that fails is a ✗, one that captures is a ✓', async () => {
    const home = tempDir();
    const bin = installFakeRecorder(join(home, 'bin'));
    const env = (mode: string) => ({ PATH: bin, FAKE_REC_MODE: mode, FAKE_REC_FILE: PRICING_WAV, OPENAI_BASE_URL: `${wire.url}/v1` });
    const [broken, working] = await Promise.all([
      runCli(['voice', 'check'], { home, env: env('empty') }),
      runCli(['voice', 'check', '--json'], { home, env: env('endless') }),
    ]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/✗ test recording: no audio came from/);
    expect(JSON.parse(working.stdout).recording).toMatchObject({ ok: true });
  });
});
