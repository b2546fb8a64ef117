import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { HOSTILE_STRINGS } from './persona-corpus.js';
import { unsafeTerminalBytes } from './terminal-bytes.js';

// Replies and persona fields full of ESC/OSC/CSI/C1 sequences and bidi overrides: none of it
// reaches the terminal from `ask` or the other commands that print it; `--raw` into a pipe is
// the documented exception. The HTML export shows markup as text.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());

const HOSTILE_REPLY = `Sure.${HOSTILE_STRINGS.join(' and ')} <script>alert("x")</script><img src=x onerror=alert(1)> done`;

function hostileHome(): { home: string; personaFile: string; env: Record<string, string> } {
  const home = tempDir();
  const personaFile = join(home, 'hostile.json');
  writeFileSync(
    personaFile,
    JSON.stringify({
      id: 'hostile',
      name: `Eve${HOSTILE_STRINGS[0]}${HOSTILE_STRINGS[5]}`,
      baseSelection: { occupation: HOSTILE_STRINGS[2] },
      customInputs: { background: HOSTILE_STRINGS.join(''), quote: HOSTILE_STRINGS[1] },
    }),
  );
  return { home, personaFile, env: { OPENAI_API_KEY: 'sk-test-escape', OPENAI_BASE_URL: `${wire.url}/v1` } };
}

describe('terminal-escape injection', { timeout: 30_000 }, () => {
  it('reaches neither `ask` output nor the commands that show the session; --raw into a pipe passes it through', async () => {
    const { home, personaFile, env } = hostileHome();
    const leaks: Record<string, number> = {};
    let tried = 0;
    const check = (label: string, text: string) => {
      tried += 1;
      const bytes = unsafeTerminalBytes(text);
      if (bytes > 0) leaks[label] = bytes;
    };

    wire.enqueue({ text: HOSTILE_REPLY, chunks: 7 });
    const asked = await runCli(['ask', personaFile, 'hello', '--provider', 'openai'], { home, env });
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('done');
    check('ask', asked.stdout + asked.stderr);

    wire.enqueue({ text: HOSTILE_REPLY });
    const json = await runCli(['ask', personaFile, 'again', '--provider', 'openai', '--json'], { home, env });
    check('ask --json', json.stdout + json.stderr);
    // JSON keeps the text exactly (escaped), for programs.
    expect(JSON.parse(json.stdout).reply).toBe(HOSTILE_REPLY);

    for (const args of [
      ['sessions', 'list'],
      ['sessions', 'show', 'last'],
      ['sessions', 'search', 'done'],
      ['personas', 'show', personaFile],
      ['personas', 'list', personaFile],
      ['export', '--last', '--format', 'txt'],
      ['stats'],
    ]) {
      const result = await runCli(args, { home, env });
      expect(result.code, args.join(' ')).toBe(0);
      check(args.join(' '), result.stdout + result.stderr);
    }
    expect(tried).toBe(9);
    expect(leaks).toEqual({});

    wire.enqueue({ text: HOSTILE_REPLY });
    const raw = await runCli(['ask', personaFile, 'raw please', '--provider', 'openai', '--raw'], { home, env });
    expect(raw.stdout).toContain(HOSTILE_STRINGS[1]);
  });

  it('the HTML export shows <script> and markup as text', async () => {
    const { home, personaFile, env } = hostileHome();
    wire.enqueue({ text: HOSTILE_REPLY });
    await runCli(['ask', personaFile, '<script>document.cookie</script> what?', '--provider', 'openai'], { home, env });
    const out = join(home, 'transcript.html');
    const exported = await runCli(['export', '--last', '--format', 'html', '-o', out], { home });
    expect(exported.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script>alert|<script>document|<img src=x/);
    expect(html).toContain('&lt;script&gt;alert(');
    expect(html).toContain('&lt;script&gt;document.cookie&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
