import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';

// `persona ask` through the built CLI: the offline engine, the real SDKs against the local
// wire-format server, and what ends up in the database.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());
beforeEach(() => wire.reset());

const openaiEnv = () => ({ OPENAI_API_KEY: 'sk-test-SECRET-openai-1234', OPENAI_BASE_URL: `${wire.url}/v1` });
const anthropicEnv = () => ({ ANTHROPIC_API_KEY: 'sk-ant-SECRET-anthropic-5678', ANTHROPIC_BASE_URL: wire.url });

function rows(home: string, sql: string): Array<Record<string, unknown>> {
  const db = new Database(join(home, 'persona.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

describe('persona ask, offline engine', () => {
  it('streams an in-character reply to stdout and saves both turns', async () => {
    const home = tempDir();
    const { code, stdout, stderr } = await runCli(['ask', 'cfo', 'What', 'do', 'you', 'think', 'about', 'the', 'price?'], { home });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().length).toBeGreaterThan(20);
    const messages = rows(home, 'SELECT role, content, status, provider, input_mode FROM messages ORDER BY seq');
    expect(messages).toEqual([
      { role: 'user', content: 'What do you think about the price?', status: 'complete', provider: null, input_mode: 'script' },
      { role: 'persona', content: stdout.trim(), status: 'complete', provider: 'offline', input_mode: null },
    ]);
  });

  it('reads the message from stdin when none is given, and prints JSON', async () => {
    const home = tempDir();
    const { code, stdout } = await runCli(['ask', 'icu-nurse', '--json'], { home, input: 'How was your last shift?\n' });
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({
      persona: { id: 'icu-nurse' },
      provider: 'offline',
      model: 'persona-offline-1',
      status: 'complete',
      costUsd: 0,
      error: null,
    });
    expect(out.reply.length).toBeGreaterThan(10);
    expect(out.sessionId).toMatch(/^[0-9a-z]{18}$/);
    expect(out.usage.outputTokens).toBeGreaterThan(0);
  });

  it('is deterministic under --seed', async () => {
    const a = await runCli(['ask', 'cfo', 'hello', '--seed', '7', '--no-save'], { home: tempDir() });
    const b = await runCli(['ask', 'cfo', 'hello', '--seed', '7', '--no-save'], { home: tempDir() });
    expect(a.stdout).toBe(b.stdout);
  });

  it('--no-save writes no database', async () => {
    const home = tempDir();
    const { code } = await runCli(['ask', 'cfo', 'hi', '--no-save'], { home });
    expect(code).toBe(0);
    expect(existsSync(join(home, 'persona.db'))).toBe(false);
  });

  it('--continue and --session add to an existing session', async () => {
    const home = tempDir();
    const first = JSON.parse((await runCli(['ask', 'cfo', 'hello', '--json'], { home })).stdout);
    await runCli(['ask', 'cfo', '--continue', 'and', 'the', 'budget?'], { home });
    await runCli(['ask', '--session', first.sessionId.slice(0, 12), 'one', 'more'], { home });
    // With no persona, `--continue "a message"` goes on with the latest session.
    const last = await runCli(['ask', '--continue', 'and who approves it?'], { home });
    expect(last.code, last.stderr).toBe(0);
    const sessions = rows(home, 'SELECT id FROM sessions');
    expect(sessions).toHaveLength(1);
    const contents = rows(home, "SELECT content FROM messages WHERE role = 'user' ORDER BY seq").map((r) => r.content);
    expect(contents).toEqual(['hello', 'and the budget?', 'one more', 'and who approves it?']);
  });

  it('asks several personas at once (a focus group), in the order named', async () => {
    const home = tempDir();
    const { code, stdout } = await runCli(['ask', 'cfo,genz-creator,icu-nurse', 'What', 'frustrates', 'you?', '--json'], { home });
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Array<{ persona: { id: string }; reply: string }>;
    expect(out.map((o) => o.persona.id)).toEqual(['cfo', 'genz-creator', 'icu-nurse']);
    expect(new Set(out.map((o) => o.reply)).size).toBe(3);
    expect(rows(home, 'SELECT COUNT(*) AS n FROM sessions')[0]!.n).toBe(3);
  });

  it('--all asks every persona, labelled', async () => {
    const home = tempDir();
    const list = JSON.parse((await runCli(['personas', 'list', '--json'], { home })).stdout) as Array<{ name: string }>;
    const { code, stdout } = await runCli(['ask', '--all', 'Do', 'you', 'shop', 'online?'], { home });
    expect(code).toBe(0);
    for (const p of list) expect(stdout).toContain(p.name);
    expect(stdout).toContain(`${list.length} personas answered`);
  });

  it('--script runs an interview: every line is a turn in one session', async () => {
    const home = tempDir();
    const script = join(home, 'q.txt');
    writeFileSync(script, '# warm-up\nHi, who are you?\nWhat do you spend most time on?\nWhat would you pay for?\n');
    const { code, stdout, stderr } = await runCli(['ask', 'retired-engineer', '--script', script], { home });
    expect(code).toBe(0);
    expect(stdout.match(/^You:/gm)).toHaveLength(3);
    expect(stderr).toMatch(/saved as session \w+ \(3 of 3 questions\)/);
    expect(rows(home, 'SELECT COUNT(*) AS n FROM messages')[0]!.n).toBe(6);
    expect(rows(home, 'SELECT COUNT(*) AS n FROM sessions')[0]!.n).toBe(1);
  });

  it('--script reads one question per line even when blank lines separate them', async () => {
    const home = tempDir();
    const script = join(home, 'q.txt');
    writeFileSync(script, 'Here is our pitch:\nwe automate reconciliation.\n\nWould you buy it?\n');
    const { code, stderr } = await runCli(['ask', 'cfo', '--script', script], { home });
    expect(code, stderr).toBe(0);
    const questions = rows(home, "SELECT content FROM messages WHERE role = 'user' ORDER BY seq").map((r) => r.content);
    expect(questions).toEqual(['Here is our pitch:', 'we automate reconciliation.', 'Would you buy it?']);
    expect(stderr).not.toContain('block');
  });

  it('--script --blocks makes each blank-line separated block one turn; --blocks alone is a usage error', async () => {
    const home = tempDir();
    const script = join(home, 'q.txt');
    writeFileSync(script, 'Here is our pitch:\nwe automate reconciliation.\n\nWould you buy it?\n');
    const alone = await runCli(['ask', 'cfo', '--blocks', 'hello'], { home });
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--blocks');
    const { code } = await runCli(['ask', 'cfo', '--script', script, '--blocks'], { home });
    expect(code).toBe(0);
    const questions = rows(home, "SELECT content FROM messages WHERE role = 'user' ORDER BY seq").map((r) => r.content);
    expect(questions).toEqual(['Here is our pitch:\nwe automate reconciliation.', 'Would you buy it?']);
  });

  it('--script --no-save does not claim to have saved; a block file says how it was read', async () => {
    const home = tempDir();
    const script = join(home, 'q.txt');
    writeFileSync(script, 'First question?\n\nSecond question,\nstill the second.\n');
    const { code, stderr } = await runCli(['ask', 'cfo', '--script', script, '--blocks', '--no-save'], { home });
    expect(code).toBe(0);
    expect(stderr).toContain('each block is one question (2 in all)');
    expect(stderr).toContain('2 of 2 questions (not saved: --no-save)');
    expect(stderr).not.toContain('saved as session');
  });

  it('a message longer than the context budget is refused as too long, exit 6', async () => {
    const home = tempDir();
    writeFileSync(join(home, 'config.json'), JSON.stringify({ limits: { contextTokens: 1000 } }));
    const { code, stderr } = await runCli(['ask', 'cfo'], { home, input: 'word '.repeat(2000) });
    expect(code).toBe(6);
    expect(stderr).toContain('the message is too long');
  });

  it('explains usage mistakes with exit code 2', async () => {
    const home = tempDir();
    const none = await runCli(['ask'], { home });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('which persona?');
    const empty = await runCli(['ask', 'cfo'], { home, input: '   \n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('the message is empty');
    const temp = await runCli(['ask', 'cfo', 'hi', '--temperature', 'hot'], { home });
    expect(temp.code).toBe(2);
    expect(temp.stderr).toContain('--temperature: expected a number');
    const cont = await runCli(['ask', 'cfo', '--continue', 'hi'], { home });
    expect(cont.code).toBe(2);
    expect(cont.stderr).toContain('no earlier session with cfo');
  });
});

describe('persona ask, live providers over the wire format', () => {
  it('openai: sends the persona prompt and profile budget, streams the reply, records usage and cost', async () => {
    const home = tempDir();
    wire.enqueue({ text: 'Show me the payback period first.', usage: { input: 1200, output: 9, cachedInput: 1000 } });
    const { code, stdout, stderr } = await runCli(['ask', 'cfo', 'Would', 'you', 'buy', 'this?', '--provider', 'openai', '--json'], {
      home,
      env: openaiEnv(),
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const body = wire.requests[0]!.body;
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.stream).toBe(true);
    expect(body.messages[0].role).toBe('system');
    expect(body.messages[0].content).toMatch(/^You are Diane Kowalczyk/);
    const prompt = JSON.parse((await runCli(['personas', 'prompt', 'cfo', '--json'], { home })).stdout);
    // The persona's reminder goes after the history: at the end of the last user turn.
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: `Would you buy this?\n\n${prompt.postHistory}` });
    expect(prompt.postHistory).toMatch(/^\(Reminder: you are Diane\./);
    expect(body.messages[0].content).toBe(prompt.systemPrompt);
    expect(body.max_tokens ?? body.max_completion_tokens).toBe(prompt.profile.maxOutputTokens);
    expect(body.temperature).toBe(prompt.profile.temperature);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({
      reply: 'Show me the payback period first.',
      provider: 'openai',
      usage: { inputTokens: 1200, outputTokens: 9, cacheReadTokens: 1000 },
    });
    expect(out.costUsd).toBeGreaterThan(0);
    const [reply] = rows(home, "SELECT cost_usd, cache_read_tokens FROM messages WHERE role = 'persona'");
    expect(reply).toEqual({ cost_usd: out.costUsd, cache_read_tokens: 1000 });
  });

  it('anthropic: sends the system prompt as a cached block and records cache tokens', async () => {
    const home = tempDir();
    wire.enqueue({ text: 'Not on a night shift, no.', usage: { input: 1500, output: 8, cachedInput: 1200, cacheWrite: 0 } });
    const { code, stdout } = await runCli(['ask', 'icu-nurse', 'Would', 'you', 'try', 'it?', '--provider', 'anthropic'], {
      home,
      env: anthropicEnv(),
    });
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('Not on a night shift, no.');
    const body = wire.requests[0]!.body;
    expect(body.system[0].cache_control).toEqual({ type: 'ephemeral' });
    expect(body.system[0].text).toMatch(/^You are Siobhan Gallagher/);
    const [reply] = rows(home, "SELECT cache_read_tokens, input_tokens, provider FROM messages WHERE role = 'persona'");
    expect(reply).toEqual({ cache_read_tokens: 1200, input_tokens: 1500, provider: 'anthropic' });
  });

  it('a provider failure exits 4, keeps the user message, records the error and never shows the key', async () => {
    const home = tempDir();
    wire.enqueue({ status: 500, message: 'boom' }, { status: 500, message: 'boom' }, { status: 500, message: 'boom' });
    const { code, stdout, stderr } = await runCli(['ask', 'cfo', 'hello?', '--provider', 'openai'], { home, env: openaiEnv() });
    expect(code).toBe(4);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/error: .*500/);
    expect(stderr).toMatch(/your message is saved in session \w+/);
    expect(stderr).not.toContain('SECRET');
    const messages = rows(home, 'SELECT role, content, status, error FROM messages ORDER BY seq');
    expect(messages[0]).toMatchObject({ role: 'user', content: 'hello?', status: 'complete' });
    expect(messages[1]).toMatchObject({ role: 'persona', status: 'error' });
    expect(messages[1]!.error).toMatch(/500/);
  });

  it('a rejected key says how to fix it', async () => {
    const home = tempDir();
    wire.enqueue({ status: 401, message: 'Incorrect API key provided: sk-test-SECRET-openai-1234' });
    const { code, stderr } = await runCli(['ask', 'cfo', 'hi', '--provider', 'openai'], { home, env: openaiEnv() });
    expect(code).toBe(4);
    // The key was set and refused: the hint says to check or replace it, not to set one.
    expect(stderr).toContain('hint: check or replace the key (OPENAI_API_KEY');
    expect(stderr).not.toContain('SECRET');
  });

  it('--fallback offline answers with the offline engine when the provider fails', async () => {
    const home = tempDir();
    wire.enqueue({ status: 500, message: 'boom' }, { status: 500, message: 'boom' }, { status: 500, message: 'boom' });
    const { code, stdout, stderr } = await runCli(['ask', 'cfo', 'hello?', '--provider', 'openai', '--fallback', 'offline'], {
      home,
      env: openaiEnv(),
    });
    expect(code).toBe(0);
    expect(stdout.trim().length).toBeGreaterThan(10);
    expect(stderr).toMatch(/offline engine answers instead/);
    expect(rows(home, "SELECT provider, fallback FROM messages WHERE role = 'persona'")).toEqual([{ provider: 'offline', fallback: 1 }]);
  });

  it('a missing key names the variable, the config command and the offline option', async () => {
    const { code, stderr } = await runCli(['ask', 'cfo', 'hi', '--provider', 'anthropic'], { home: tempDir() });
    expect(code).toBe(4);
    expect(stderr).toContain('ANTHROPIC_API_KEY');
    expect(stderr).toContain('persona config set anthropic.apiKey');
    expect(stderr).toContain('--provider offline');
  });

  it('neutralizes escape sequences in a reply; --raw passes them through to a pipe', async () => {
    const evil = 'Hi\u001b]52;c;cHduZWQ=\u0007 there\u001b[2J\u001b[31m red\u001b[0m \u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\';
    const home = tempDir();
    wire.enqueue({ text: evil, chunks: 9 });
    const safe = await runCli(['ask', 'cfo', 'hi', '--provider', 'openai'], { home, env: openaiEnv() });
    expect(safe.stdout).not.toContain('\u001b');
    expect(safe.stdout.trim()).toBe('Hi there red link');
    wire.enqueue({ text: evil, chunks: 9 });
    const raw = await runCli(['ask', 'cfo', 'hi', '--provider', 'openai', '--raw'], { home, env: openaiEnv() });
    expect(raw.stdout.trim()).toBe(evil);
  });

  it('Ctrl-C mid-reply saves the partial reply marked interrupted and exits 130', async () => {
    const home = tempDir();
    wire.enqueue({ text: 'one two three four five six seven eight nine ten', chunkDelayMs: 150 });
    const child = spawn(process.execPath, [BIN, 'ask', 'cfo', 'talk', '--provider', 'openai'], {
      env: { ...process.env, PERSONA_HOME: home, ...openaiEnv() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let sent = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (stdout.includes('three') && !sent) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    const [reply] = rows(home, "SELECT content, status FROM messages WHERE role = 'persona'");
    expect(reply!.status).toBe('interrupted');
    expect(reply!.content).toMatch(/^one two three/);
    expect(reply!.content).not.toContain('ten');
  });
});
