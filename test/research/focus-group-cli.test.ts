import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir, writeFile } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';

// `persona focus-group` through the built CLI: the real openai SDK against the local wire-format
// server (what each speaker's request carries), the offline engine, the one group session in the
// database, and its exports.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());
beforeEach(() => wire.reset());

const openaiEnv = () => ({ OPENAI_API_KEY: 'sk-test-SECRET-openai-1234', OPENAI_BASE_URL: `${wire.url}/v1` });

function rows(home: string, sql: string): Array<Record<string, unknown>> {
  const db = new Database(join(home, 'persona.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

const NAMES = { cfo: 'Diane Kowalczyk', 'icu-nurse': 'Siobhan Gallagher', 'japan-teacher': 'Kenji Morimoto' } as const;
const Q1 = 'Would you pay $20 a month for a meal-planning app?';
const Q2 = 'What would make you cancel it?';

interface WireTurn {
  role: string;
  content: string;
}

/** The persona's post-history reminder rides on the last user turn (see test/providers/post-history.test.ts). */
const REMINDER = /\n\n\(Reminder: you are [^)]*\)$/;

/** The conversation of a recorded OpenAI request after the system prompt, reminder set aside. */
function turnsOf(body: { messages: WireTurn[] }): WireTurn[] {
  return body.messages.slice(1).map((m) => ({ ...m, content: m.content.replace(REMINDER, '') }));
}

/** The user turns of a recorded OpenAI request, in order. */
function userTurns(body: { messages: WireTurn[] }): string[] {
  return turnsOf(body)
    .filter((m) => m.role === 'user')
    .map((m) => m.content);
}

/** The text of the last user turn of a recorded OpenAI request. */
function lastUserTurn(body: { messages: WireTurn[] }): string {
  return userTurns(body).at(-1)!;
}

describe('persona focus-group on the OpenAI wire format', { timeout: 60_000 }, () => {
  it('3 personas x 2 prompts: every later speaker hears the moderator and the earlier speakers by name; one session holds every turn', async () => {
    const home = tempDir();
    const guide = writeFile(join(home, 'guide.txt'), `# pricing interview\n${Q1}\n\n${Q2}\n`);
    const replies = [
      'R1 twenty is fine',
      'R2 too steep for me',
      'R3 only with a trial',
      'R4 hidden fees',
      'R5 no time to use it',
      'R6 poor support',
    ];
    wire.enqueue(...replies.map((text) => ({ text, usage: { input: 100, output: 5 } })));
    const run = await runCli(['focus-group', 'cfo,icu-nurse,japan-teacher', '--moderator', guide, '--provider', 'openai'], {
      home,
      env: openaiEnv(),
    });
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    expect(wire.requests).toHaveLength(6);

    // Round-robin: prompt 1 in the order named, prompt 2 rotated by one.
    const bodies = wire.requests.map((r) => r.body);
    const order = ['cfo', 'icu-nurse', 'japan-teacher', 'icu-nurse', 'japan-teacher', 'cfo'] as const;
    for (const [i, id] of order.entries()) {
      const system = bodies[i].messages[0];
      expect(system.role).toBe('system');
      expect(system.content).toContain(`You are ${NAMES[id]}, taking part in a moderated focus group`);
    }
    // Each speaker's request ends with their own reminder to stay in character.
    for (const [i, id] of ['cfo', 'icu-nurse', 'japan-teacher'].entries()) {
      expect(bodies[i].messages.at(-1).content).toContain(`(Reminder: you are ${NAMES[id as keyof typeof NAMES].split(' ')[0]}.`);
    }
    // The first speaker hears only the moderator; each later one hears everyone before them, attributed.
    expect(lastUserTurn(bodies[0])).toBe(`Moderator: ${Q1}`);
    expect(lastUserTurn(bodies[1])).toBe(`Moderator: ${Q1}\n\nDiane Kowalczyk: R1 twenty is fine`);
    expect(lastUserTurn(bodies[2])).toBe(
      `Moderator: ${Q1}\n\nDiane Kowalczyk: R1 twenty is fine\n\nSiobhan Gallagher: R2 too steep for me`,
    );
    // Prompt 2: a participant's own earlier words are assistant turns; what was said since is the new user turn.
    expect(turnsOf(bodies[3])).toEqual([
      { role: 'user', content: `Moderator: ${Q1}\n\nDiane Kowalczyk: R1 twenty is fine` },
      { role: 'assistant', content: 'R2 too steep for me' },
      { role: 'user', content: `Kenji Morimoto: R3 only with a trial\n\nModerator: ${Q2}` },
    ]);
    expect(turnsOf(bodies[5])).toEqual([
      { role: 'user', content: `Moderator: ${Q1}` },
      { role: 'assistant', content: 'R1 twenty is fine' },
      {
        role: 'user',
        content: `Siobhan Gallagher: R2 too steep for me\n\nKenji Morimoto: R3 only with a trial\n\nModerator: ${Q2}\n\nSiobhan Gallagher: R4 hidden fees\n\nKenji Morimoto: R5 no time to use it`,
      },
    ]);

    // The transcript on stdout names each speaker.
    expect(run.stdout).toContain(`Moderator: ${Q1}`);
    expect(run.stdout).toContain('Kenji Morimoto: R5 no time to use it');

    // One session, three participants, every message with its speaker.
    expect(rows(home, 'SELECT count(*) AS n FROM sessions')).toEqual([{ n: 1 }]);
    expect(rows(home, 'SELECT persona_id, position FROM session_participants ORDER BY position')).toEqual([
      { persona_id: 'cfo', position: 1 },
      { persona_id: 'icu-nurse', position: 2 },
      { persona_id: 'japan-teacher', position: 3 },
    ]);
    const messages = rows(home, 'SELECT role, speaker_id, content FROM messages ORDER BY seq');
    expect(messages).toEqual([
      { role: 'user', speaker_id: null, content: Q1 },
      ...order.slice(0, 3).map((id, i) => ({ role: 'persona', speaker_id: id, content: replies[i] })),
      { role: 'user', speaker_id: null, content: Q2 },
      ...order.slice(3).map((id, i) => ({ role: 'persona', speaker_id: id, content: replies[i + 3] })),
    ]);

    // Listed as one entry with its participants; exported naming each speaker.
    const list = await runCli(['sessions', 'list'], { home });
    expect(list.stdout.trim().split('\n')[0]).toContain('cfo,icu-nurse,japan-teacher');
    const md = await runCli(['export', '--last', '--format', 'md'], { home });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('# Group conversation with Diane Kowalczyk, Siobhan Gallagher and Kenji Morimoto');
    for (const [i, id] of order.entries()) expect(md.stdout).toMatch(new RegExp(`\\*\\*${NAMES[id]}\\*\\* · [^\\n]+\\n\\n${replies[i]}`));
    expect(md.stdout.match(/\*\*Moderator\*\*/g)).toHaveLength(2);
    const htmlFile = join(home, 'group.html');
    expect((await runCli(['export', '--last', '--format', 'html', '-o', htmlFile], { home })).code).toBe(0);
    const html = readFileSync(htmlFile, 'utf8');
    for (const [i, id] of order.entries()) {
      expect(html).toMatch(
        new RegExp(
          `<li class="persona" data-speaker="${id}"><div class="meta"><span class="speaker">${NAMES[id]}</span>[\\s\\S]*?${replies[i]}`,
        ),
      );
    }
    expect(html.match(/<span class="speaker">Moderator<\/span>/g)).toHaveLength(2);
    const json = JSON.parse((await runCli(['export', '--last', '--format', 'json'], { home })).stdout) as {
      session: { participants: Array<{ name: string }> };
      messages: Array<{ role: string; speakerId?: string }>;
    };
    expect(json.session.participants.map((p) => p.name)).toEqual(Object.values(NAMES));
    expect(json.messages.filter((m) => m.role === 'persona').map((m) => m.speakerId)).toEqual([...order]);
    const txt = (await runCli(['export', '--last', '--format', 'txt'], { home })).stdout;
    expect(txt).toContain('Participants: Diane Kowalczyk (cfo), Siobhan Gallagher (icu-nurse), Kenji Morimoto (japan-teacher)');
  });

  it('--rounds adds open rounds in which participants answer each other; --seed shuffles the order the same way each time', async () => {
    const runWith = async (seed: string) => {
      wire.reset();
      const home = tempDir();
      const run = await runCli(
        ['focus-group', 'cfo,icu-nurse,japan-teacher', '--topic', Q1, '--rounds', '1', '--seed', seed, '--provider', 'openai', '--json'],
        { home, env: openaiEnv() },
      );
      expect(run.code).toBe(0);
      return run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
    };
    const turns = await runWith('7');
    // A moderator line, three replies, the open round's moderator line, three replies.
    expect(turns.map((t) => t.type)).toEqual(['moderator', 'reply', 'reply', 'reply', 'moderator', 'reply', 'reply', 'reply']);
    expect(turns[4]).toMatchObject({ openRound: true, speaker: { id: null, name: 'Moderator' } });
    const speakers = turns.filter((t) => t.type === 'reply').map((t) => t.speaker.id);
    expect(new Set(speakers.slice(0, 3))).toEqual(new Set(Object.keys(NAMES)));
    expect(new Set(speakers.slice(3))).toEqual(new Set(Object.keys(NAMES)));
    // In the open round the first speaker has heard both others' first answers, and is asked to respond.
    const openRoundFirst = wire.requests[3]!.body;
    const heard = userTurns(openRoundFirst).join('\n\n');
    for (const [id, name] of Object.entries(NAMES)) {
      if (id === speakers[3]) expect(heard).not.toContain(`${name}: `);
      else expect(heard).toContain(`${name}: Hello from the wire server.`);
    }
    expect(lastUserTurn(openRoundFirst)).toMatch(/Moderator: Open round: respond to what the others just said/);
    expect((await runWith('7')).filter((t) => t.type === 'reply').map((t) => t.speaker.id)).toEqual(speakers);
  });

  it('budget notices reach the user, and a spent budget stops the group with exit 6', async () => {
    const home = tempDir();
    // gpt-4o-mini input costs $0.15 per million tokens: each reply below costs $0.15.
    expect((await runCli(['config', 'set', 'limits.sessionBudgetUsd', '0.35'], { home })).code).toBe(0);
    wire.enqueue(...[1, 2, 3].map((n) => ({ text: `reply ${n}`, usage: { input: 1_000_000, output: 0 } })));
    const warned = await runCli(['focus-group', 'cfo,icu-nurse,japan-teacher', '--topic', Q1, '--provider', 'openai'], {
      home,
      env: openaiEnv(),
    });
    expect(warned.code).toBe(0);
    // $0.30 of $0.35 is spent when the third speaker's request goes out.
    expect(warned.stderr).toMatch(/note: Kenji Morimoto: \$0\.30 of the session budget of \$0\.35 is spent \(85%\)/);

    expect((await runCli(['config', 'set', 'limits.sessionBudgetUsd', '0.1'], { home })).code).toBe(0);
    wire.enqueue({ text: 'pricey', usage: { input: 1_000_000, output: 0 } });
    const stopped = await runCli(['focus-group', 'cfo,icu-nurse', '--topic', Q1, '--provider', 'openai'], { home, env: openaiEnv() });
    expect(stopped.code).toBe(6);
    expect(stopped.stderr).toMatch(/the session budget of \$0\.10 is spent/);
    expect(stopped.stdout).toContain('Diane Kowalczyk: pricey');
    // The refused speaker gets no dangling label.
    expect(stopped.stdout).not.toContain('Siobhan Gallagher:');
  });
});

describe('persona focus-group on the Anthropic wire format', { timeout: 60_000 }, () => {
  it('the second speaker hears the first by name, with the group in the system prompt', async () => {
    const home = tempDir();
    wire.enqueue({ text: 'Not without a trial.' }, { text: 'Too steep for me.' });
    const run = await runCli(['focus-group', 'cfo,icu-nurse', '--topic', Q1, '--provider', 'anthropic'], {
      home,
      env: { ANTHROPIC_API_KEY: 'sk-ant-test-group', ANTHROPIC_BASE_URL: wire.url },
    });
    expect(run.code).toBe(0);
    expect(wire.requests.map((r) => r.format)).toEqual(['anthropic', 'anthropic']);
    const second = wire.requests[1]!.body as { system: unknown; messages: Array<{ role: string; content: unknown }> };
    expect(second.messages.map((m) => m.role)).toEqual(['user']);
    expect(JSON.stringify(second.messages[0]!.content)).toContain(`Moderator: ${Q1}\\n\\nDiane Kowalczyk: Not without a trial.`);
    expect(JSON.stringify(second.system)).toContain(
      'You are Siobhan Gallagher, taking part in a moderated focus group with Diane Kowalczyk.',
    );
    expect(run.stdout).toContain('Siobhan Gallagher: Too steep for me.');
  });
});

describe('persona focus-group when the provider fails', { timeout: 60_000 }, () => {
  it('stops at the failed speaker with exit 4; what was said, and the failure, are saved under their speakers', async () => {
    const home = tempDir();
    wire.enqueue(
      { text: 'First answer.' },
      { status: 500, message: 'boom' },
      { status: 500, message: 'boom' },
      { status: 500, message: 'boom' },
    );
    const run = await runCli(['focus-group', 'cfo,icu-nurse,japan-teacher', '--topic', Q1, '--provider', 'openai'], {
      home,
      env: openaiEnv(),
    });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/error: .*\(Siobhan Gallagher\)/);
    expect(run.stdout).not.toContain('Kenji Morimoto');
    expect(rows(home, "SELECT speaker_id, status FROM messages WHERE role = 'persona' ORDER BY seq")).toEqual([
      { speaker_id: 'cfo', status: 'complete' },
      { speaker_id: 'icu-nurse', status: 'error' },
    ]);
  });
});

describe('persona focus-group on the offline engine', { timeout: 60_000 }, () => {
  it('runs the same 3 x 2 group with no key: every participant answers each prompt, saved as one session', async () => {
    const home = tempDir();
    const guide = writeFile(join(home, 'guide.txt'), `${Q1}\n${Q2}\n`);
    const run = await runCli(['focus-group', 'cfo,icu-nurse,japan-teacher', '--moderator', guide, '--json', '--seed', '3'], { home });
    expect(run.code).toBe(0);
    const turns = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(turns).toHaveLength(8);
    const replies = turns.filter((t) => t.type === 'reply');
    expect(replies.every((t) => t.provider === 'offline' && t.status === 'complete' && t.text.length > 10)).toBe(true);
    expect(new Set(replies.slice(0, 3).map((t) => t.speaker.id))).toEqual(new Set(Object.keys(NAMES)));
    expect(rows(home, "SELECT count(*) AS n FROM messages WHERE role = 'persona' AND speaker_id IS NOT NULL")).toEqual([{ n: 6 }]);
    expect(rows(home, 'SELECT count(*) AS n FROM sessions')).toEqual([{ n: 1 }]);
  });

  it('its report names each participant in the stance summary and the transcript', async () => {
    const home = tempDir();
    expect((await runCli(['focus-group', 'cfo,icu-nurse,japan-teacher', '--topic', Q1, '--seed', '2'], { home })).code).toBe(0);
    const file = join(home, 'report.html');
    const [session] = rows(home, 'SELECT id FROM sessions') as Array<{ id: string }>;
    const report = await runCli(['report', session!.id, '-o', file], { home });
    expect(report.code, report.stderr).toBe(0);
    const html = readFileSync(file, 'utf8');
    const stances = html.slice(html.indexOf('Where each participant stands'), html.indexOf('Transcript'));
    for (const [id, name] of Object.entries(NAMES)) expect(stances).toContain(`${name} <span class="qmeta">(${id})</span>`);
  });

  it('refuses what cannot be a group, exit 2', async () => {
    const home = tempDir();
    const one = await runCli(['focus-group', 'cfo', '--topic', 'x'], { home });
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('at least two participants');
    const none = await runCli(['focus-group', 'cfo,icu-nurse'], { home });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--topic');
    const twice = await runCli(['focus-group', 'cfo,cfo', '--topic', 'x'], { home });
    expect(twice.code).toBe(2);
  });
});

describe('persona ask with several ids (independent answers)', { timeout: 60_000 }, () => {
  it('prints budget notices for each persona instead of dropping them', async () => {
    const home = tempDir();
    expect((await runCli(['config', 'set', 'limits.dailyBudgetUsd', '0.35'], { home })).code).toBe(0);
    wire.enqueue(
      { text: 'spent', usage: { input: 2_000_000, output: 0 } },
      { text: 'one', usage: { input: 10, output: 1 } },
      { text: 'two', usage: { input: 10, output: 1 } },
    );
    expect((await runCli(['ask', 'cfo', 'hello', '--provider', 'openai'], { home, env: openaiEnv() })).code).toBe(0);
    const run = await runCli(['ask', 'cfo,icu-nurse', 'What do you think?', '--provider', 'openai'], { home, env: openaiEnv() });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/note: Diane Kowalczyk: \$0\.30 of the today's budget of \$0\.35 is spent/);
    expect(run.stderr).toMatch(/note: Siobhan Gallagher: \$0\.30 of the today's budget/);
  });
});

describe('persona chat a,b piped, and going on with a group', { timeout: 60_000 }, () => {
  it('each line is a moderator message; --continue reopens the group; ask refuses to add a one-to-one turn to it', async () => {
    const home = tempDir();
    const first = await runCli(['chat', 'cfo,icu-nurse'], { home, input: 'What about meal kits?\n/to icu-nurse And on nights?\n' });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Moderator: What about meal kits?');
    expect(first.stdout).toContain('Moderator → Siobhan Gallagher: And on nights?');
    const again = await runCli(['chat', '--continue'], { home, input: 'One more thing.\n' });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Moderator: One more thing.');
    expect(rows(home, 'SELECT count(*) AS n FROM sessions')).toEqual([{ n: 1 }]);
    expect(rows(home, "SELECT speaker_id FROM messages WHERE role = 'persona' ORDER BY seq").map((r) => r.speaker_id)).toEqual([
      'cfo',
      'icu-nurse',
      'icu-nurse',
      // Third moderator message: the round-robin has rotated twice, so cfo speaks first again.
      'cfo',
      'icu-nurse',
    ]);
    const ask = await runCli(['ask', '--continue', 'and then what?'], { home });
    expect(ask.code).toBe(2);
    expect(ask.stderr).toContain('is a group session');
  });
});
