import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { PRICING_WAV } from '../voice/fake-recorder.js';

// `ask --json` is what scripts read: it carries the message that was asked and how it came in,
// which matters most when the message was spoken and appears nowhere else on stdout.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());

describe('ask --json', { timeout: 30_000 }, () => {
  it('includes the message and its input mode, from arguments and from stdin', async () => {
    const home = tempDir();
    const [fromArgs, fromStdin] = await Promise.all([
      runCli(['ask', 'cfo', 'Would you pay for this?', '--json', '--no-save'], { home }),
      runCli(['ask', 'cfo', '--json', '--no-save'], { home, input: '  What about pricing?\n' }),
    ]);
    expect(JSON.parse(fromArgs.stdout)).toMatchObject({ message: 'Would you pay for this?', inputMode: 'script' });
    expect(JSON.parse(fromStdin.stdout)).toMatchObject({ message: 'What about pricing?', inputMode: 'script' });
  });

  it('includes the transcript of --audio-file as the message, input mode voice', async () => {
    const home = tempDir();
    wire.enqueue({ text: 'How do you choose a bank?' });
    const run = await runCli(['ask', 'cfo', '--audio-file', PRICING_WAV, '--transcriber', 'openai', '--provider', 'offline', '--json'], {
      home,
      env: { OPENAI_BASE_URL: `${wire.url}/v1` },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ message: 'How do you choose a bank?', inputMode: 'voice' });
  });
});
