import { describe, expect, it } from 'vitest';
import { ChatEngine } from '../../src/chat/engine.js';
import { MemoryStore } from '../../src/chat/memory-store.js';
import { LimitError } from '../../src/chat/limits/limit-error.js';
import { DEFAULT_LIMITS } from '../../src/chat/limits/settings.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import type { Persona } from '../../src/persona/schema.js';
import { GroupConversation } from '../../src/research/group/group-conversation.js';
import { parseModeratorGuide, parseParticipantIds } from '../../src/research/group/moderator-guide.js';
import { participantRequest, participantTurns } from '../../src/research/group/participant-view.js';
import { speakingOrder } from '../../src/research/group/turn-order.js';
import type { GroupEvent } from '../../src/research/group/types.js';
import { newUserMessage } from '../../src/core/new-message.js';
import type { MessageRecord } from '../../src/core/records.js';
import { parseGroupInput } from '../../src/ui/group/group-input.js';
import { ScriptedProvider } from '../chat/scripted-provider.js';
import { persona } from '../persona/fixtures.js';

const ana = persona({ name: 'Ana Lima' }, 'ana');
const bo = persona({ name: 'Bo Chen' }, 'bo');
const cy = persona({ name: 'Cy Diaz' }, 'cy');

function group(provider: ScriptedProvider, personas: Persona[] = [ana, bo, cy], limits = { ...DEFAULT_LIMITS, messagesPerMinute: 0 }) {
  const store = new MemoryStore();
  const members = personas.map((p) => ({
    persona: p,
    engine: new ChatEngine({
      store,
      persona: p,
      profile: buildChatProfile(p.data),
      systemPrompt: `You are ${p.name}.`,
      active: { provider, model: 'gpt-4o-mini' },
      options: { temperature: 0.7, maxOutputTokens: 200, limits },
    }),
  }));
  return { store, conversation: new GroupConversation({ store, members }) };
}

async function drain(events: AsyncIterable<GroupEvent>): Promise<GroupEvent[]> {
  const out: GroupEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

function message(seq: number, fields: Partial<MessageRecord>): MessageRecord {
  return { ...newUserMessage('s', ''), id: `m${seq}`, seq, createdAt: '2026-01-01T00:00:00Z', role: 'persona', inputMode: null, ...fields };
}

const NAMES = new Map([
  ['ana', 'Ana Lima'],
  ['bo', 'Bo Chen'],
  ['cy', 'Cy Diaz'],
]);

describe('a participant’s view of the group transcript', () => {
  const transcript = [
    message(1, { role: 'user', content: 'Price?' }),
    message(2, { speakerId: 'ana', content: 'Too high.' }),
    message(3, { speakerId: 'bo', content: 'Fine by me.' }),
    message(4, { role: 'user', content: 'Why, Bo?', addresseeId: 'bo' }),
    message(5, { speakerId: 'bo', content: 'I earn well.' }),
    message(6, { speakerId: 'cy', content: 'failed', status: 'error' }),
  ];

  it('own words are assistant turns; the moderator and the others are attributed user-side lines, merged between own turns', async () => {
    expect(participantTurns(transcript, 'bo', NAMES)).toEqual([
      { role: 'user', content: 'Moderator: Price?\n\nAna Lima: Too high.' },
      { role: 'persona', content: 'Fine by me.' },
      { role: 'user', content: 'Moderator (to you): Why, Bo?' },
      { role: 'persona', content: 'I earn well.' },
    ]);
    // A failed reply is not something anyone heard.
    expect(participantTurns(transcript, 'ana', NAMES)).toEqual([
      { role: 'user', content: 'Moderator: Price?' },
      { role: 'persona', content: 'Too high.' },
      { role: 'user', content: 'Bo Chen: Fine by me.\n\nModerator (to Bo Chen): Why, Bo?\n\nBo Chen: I earn well.' },
    ]);
  });

  it('a request ends with what the participant answers now and keeps it whole when the window is small', async () => {
    const request = participantRequest(transcript, 'ana', NAMES, { maxMessages: 1, maxTokens: 10 });
    expect(request).toEqual([
      { role: 'user', content: 'Bo Chen: Fine by me.\n\nModerator (to Bo Chen): Why, Bo?\n\nBo Chen: I earn well.' },
    ]);
    // Nothing new since Bo last spoke: nothing to answer.
    expect(participantRequest(transcript, 'bo', NAMES, { maxMessages: 20, maxTokens: 10_000 })).toBeUndefined();
  });
});

describe('turn order', () => {
  it('round-robin rotates the first speaker with each moderator message', async () => {
    const order = { kind: 'round-robin' } as const;
    expect([0, 1, 2, 3].map((turn) => speakingOrder(['a', 'b', 'c'], turn, order).join(''))).toEqual(['abc', 'bca', 'cab', 'abc']);
  });

  it('a seed shuffles each turn, the same way for the same seed', async () => {
    const orders = (seed: number) =>
      Array.from({ length: 12 }, (_, turn) => speakingOrder(['a', 'b', 'c', 'd'], turn, { kind: 'shuffled', seed }).join(''));
    expect(orders(7)).toEqual(orders(7));
    expect(orders(7)).not.toEqual(orders(8));
    for (const order of orders(7)) expect([...order].sort().join('')).toBe('abcd');
    expect(new Set(orders(7)).size).toBeGreaterThan(3);
  });
});

describe('GroupConversation', () => {
  it('each participant answers in turn into one session; the later ones hear the earlier by name', async () => {
    const provider = new ScriptedProvider().reply('A one').reply('B one').reply('C one');
    const { store, conversation } = group(provider);
    const events = await drain(conversation.say('Price?'));
    expect(events.filter((e) => e.type === 'speaker').map((e) => (e.type === 'speaker' ? e.speaker.id : ''))).toEqual(['ana', 'bo', 'cy']);
    expect(provider.requests[2]!.messages).toEqual([{ role: 'user', content: 'Moderator: Price?\n\nAna Lima: A one\n\nBo Chen: B one' }]);
    expect(provider.requests[2]!.system).toContain('You are Cy Diaz, taking part in a moderated focus group with Ana Lima and Bo Chen.');
    const session = conversation.session!;
    expect((await store.listParticipants(session.id)).map((p) => [p.personaId, p.position])).toEqual([
      ['ana', 1],
      ['bo', 2],
      ['cy', 3],
    ]);
    expect((await store.listMessages(session.id)).map((m) => [m.role, m.speakerId ?? null, m.content])).toEqual([
      ['user', null, 'Price?'],
      ['persona', 'ana', 'A one'],
      ['persona', 'bo', 'B one'],
      ['persona', 'cy', 'C one'],
    ]);
  });

  it('/to: only the addressed participant answers, and the others hear it was addressed', async () => {
    const provider = new ScriptedProvider().reply('A').reply('B').reply('C').reply('B again').reply('A2').reply('B2').reply('C2');
    const { conversation } = group(provider);
    await drain(conversation.say('Hi'));
    const events = await drain(conversation.say('Why?', { to: 'b' }));
    expect(events.filter((e) => e.type === 'speaker')).toHaveLength(1);
    expect(provider.requests[3]!.messages.at(-1)).toEqual({ role: 'user', content: 'Cy Diaz: C\n\nModerator (to you): Why?' });
    await drain(conversation.say('And now?'));
    // Round-robin after two moderator messages: Cy speaks first and heard the question to Bo.
    expect(provider.requests[4]!.messages.at(-1)!.content).toBe('Moderator (to Bo Chen): Why?\n\nBo Chen: B again\n\nModerator: And now?');
  });

  it('an unknown or ambiguous /to is refused before anything is saved', async () => {
    const { store, conversation } = group(new ScriptedProvider());
    await expect(drain(conversation.say('x', { to: 'zed' }))).rejects.toThrow('zed is not in this group');
    expect(store.messages).toHaveLength(0);
  });

  it('a spent budget refuses the next participant’s request with a LimitError; what was said is kept', async () => {
    const provider = new ScriptedProvider().reply('pricey', { inputTokens: 1_000_000, outputTokens: 0 });
    const { store, conversation } = group(provider, [ana, bo], { ...DEFAULT_LIMITS, messagesPerMinute: 0, sessionBudgetUsd: 0.1 });
    const seen: GroupEvent[] = [];
    await expect(
      (async () => {
        for await (const e of conversation.say('Price?')) seen.push(e);
      })(),
    ).rejects.toBeInstanceOf(LimitError);
    expect(store.messages.map((m) => m.content)).toEqual(['Price?', 'pricey']);
    expect(provider.requests).toHaveLength(1);
  });

  it('a budget warning reaches the consumer as the speaker’s notice', async () => {
    const provider = new ScriptedProvider().reply('a', { inputTokens: 1_000_000, outputTokens: 0 }).reply('b');
    const { conversation } = group(provider, [ana, bo], { ...DEFAULT_LIMITS, messagesPerMinute: 0, sessionBudgetUsd: 0.18 });
    const events = await drain(conversation.say('Price?'));
    const notices = events.filter((e) => e.type === 'reply' && e.event.type === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ speaker: { id: 'bo' }, event: { kind: 'budget_warning' } });
  });
});

describe('inputs', () => {
  it('a moderator guide is one prompt per line; blank lines and # comments are skipped', async () => {
    expect(parseModeratorGuide('\uFEFF# guide\nFirst?\r\n\n  Second?  \n# note\n')).toEqual(['First?', 'Second?']);
  });

  it('participant ids: at least two, each once', async () => {
    expect(parseParticipantIds(' a, b ,,c')).toEqual(['a', 'b', 'c']);
    expect(() => parseParticipantIds('a')).toThrow('at least two');
    expect(() => parseParticipantIds('a,b,a')).toThrow('a is named twice');
  });

  it('group chat input: messages, /to, commands', async () => {
    expect(parseGroupInput('hello')).toEqual({ kind: 'say', text: 'hello' });
    expect(parseGroupInput('/to bo  why not?')).toEqual({ kind: 'to', ref: 'bo', text: 'why not?' });
    expect(parseGroupInput('/to bo')).toMatchObject({ kind: 'incomplete' });
    expect(parseGroupInput('//to is literal')).toEqual({ kind: 'say', text: '/to is literal' });
    expect(parseGroupInput('/export notes.md')).toEqual({ kind: 'command', name: 'export', arg: 'notes.md' });
    expect(parseGroupInput('/retry')).toEqual({ kind: 'unknown', name: 'retry' });
  });
});
