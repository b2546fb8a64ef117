import { render } from 'ink-testing-library';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChatEngine } from '../../src/chat/engine.js';
import { DEFAULT_LIMITS } from '../../src/chat/limits/settings.js';
import { MemoryStore } from '../../src/chat/memory-store.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import { chatStart } from '../../src/ui/chat/chat-start.js';
import { ChatScreen } from '../../src/ui/chat/ChatScreen.js';
import { forTheChat, whatToDo } from '../../src/ui/chat/chat-hints.js';
import { loadMarkdownParser } from '../../src/ui/markdown/lexer.js';
import { ScriptedProvider } from '../chat/scripted-provider.js';
import { fakeServices, PERSONAS } from './fake-services.js';
import { eventually, KEY, press } from './keyboard.js';

function setup(extra: Partial<ConstructorParameters<typeof ChatEngine>[0]['options']> = {}) {
  const store = new MemoryStore();
  const provider = new ScriptedProvider('openai');
  const persona = PERSONAS[0]!;
  const engine = new ChatEngine({
    store,
    persona,
    profile: buildChatProfile(persona.data),
    systemPrompt: 'You are Diane.',
    active: { provider, model: 'gpt-4o-mini' },
    options: { temperature: 0.7, maxOutputTokens: 500, ...extra },
  });
  let quitWith: string | undefined | null = null;
  const view = render(<ChatScreen services={fakeServices()} start={chatStart(engine, persona)} onQuit={(id) => (quitWith = id)} />);
  const screen = () => view.frames.join('\n').replace(/\x1b\[[0-9;]*m/g, '');
  /** Waits for `text` anywhere in what was drawn so far (scrolled-off frames included). */
  const until = (text: string) => eventually(() => expect(screen().includes(text), `"${text}" was never drawn`).toBe(true), view);
  return { ...view, store, provider, screen, until, quitWith: () => quitWith };
}

// In the app the parser loads after the first frame; here, before the first reply.
beforeAll(() => loadMarkdownParser());

describe('ChatScreen', () => {
  it('sends a message, streams the reply and shows it as Markdown with the totals updated', async () => {
    const chat = setup();
    chat.provider.reply('I would **never** pay that.', { inputTokens: 1200, outputTokens: 300 });
    await press(chat, 'Would you pay $20?', KEY.enter);
    await chat.until('I would never pay that.');
    expect(chat.screen()).toContain('┃ Would you pay $20?');
    expect(chat.screen()).toContain('📊 Diane Kowalczyk');
    await chat.until('openai · gpt-4o-mini · 1.5k tokens');
    expect(chat.store.messages.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['persona', 'complete'],
    ]);
  });

  it("tells the provider's way out the chat's way: /provider, not the --provider flag", () => {
    expect(
      whatToDo('check the base URL (OPENAI_BASE_URL or `persona config set openai.baseUrl …`) and the network, or use --provider offline'),
    ).toBe(
      'check the base URL (OPENAI_BASE_URL or `persona config set openai.baseUrl …`) and the network; /retry to try again, or /provider offline to switch',
    );
    expect(whatToDo('try again; if it persists, use --provider offline')).toBe('/retry to try again, or /provider offline to switch');
    expect(whatToDo(undefined)).toBe('/retry to try again, or /provider offline to switch');
    expect(whatToDo('try again, or allow more time with `persona config set timeoutMs 120000`')).toBe(
      'allow more time with `persona config set timeoutMs 120000`; /retry to try again, or /provider offline to switch',
    );
    expect(forTheChat('export OPENAI_API_KEY=…, or run `persona config set openai.apiKey <key>`, or use --provider offline')).toBe(
      'export OPENAI_API_KEY=…, or run `persona config set openai.apiKey <key>`, or switch with /provider offline',
    );
  });

  it('shows a provider failure inline with what to do, and keeps going', async () => {
    const chat = setup();
    chat.provider.fail('rate_limit', 'OpenAI is rate limiting this key (429)');
    await press(chat, 'Hello', KEY.enter);
    await chat.until('✗ OpenAI is rate limiting this key (429)');
    expect(chat.screen()).toContain('/retry to try again, or /provider offline to switch');
    chat.provider.reply('Back again.');
    await press(chat, '/retry', KEY.enter);
    await chat.until('Back again.');
    expect(chat.store.messages.map((m) => m.status)).toEqual(['complete', 'error', 'complete']);
  });

  it('a full conversation is refused inline with the way on; /continue carries on from a summary', async () => {
    const chat = setup({ limits: { ...DEFAULT_LIMITS, maxTurns: 1 } });
    chat.provider.reply('First answer.');
    await press(chat, 'one', KEY.enter);
    await chat.until('First answer.');
    await press(chat, 'two', KEY.enter);
    await chat.until('reached its limit of 1 turns');
    expect(chat.screen()).toContain('/continue carries on in a new session');
    expect(chat.store.messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(['one']);
    chat.provider.reply('We talked about one thing.');
    await press(chat, '/continue', KEY.enter);
    await chat.until('continued in session');
    expect(chat.store.sessions.size).toBe(2);
    // The summary is shown as carried over, not as something the user typed.
    await chat.until('Carried over from session');
    expect(chat.screen()).toContain('We talked about one thing.');
    expect(chat.screen()).not.toContain('┃ Summary of our earlier conversation');
  });

  it('lists the commands a half-typed /name could be, with what they do, as you type', async () => {
    const chat = setup();
    const now = () => (chat.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '');
    const shows = (ok: (frame: string) => boolean) => eventually(() => expect(ok(now()), 'the frame on screen').toBe(true), chat);
    await press(chat, '/');
    await shows((f) => f.includes('/help') && /… \d+ more · Tab completes/.test(f));
    await press(chat, 'res');
    await shows(
      (f) =>
        f.includes('/reset') &&
        f.includes('/resume <id>') &&
        !/^ \/help /m.test(f) &&
        f.includes('start a new session with the same persona'),
    );
    await press(chat, 'et ');
    await shows((f) => !f.includes('Tab completes'));
  });

  it('stops a reply on Esc, keeping the partial reply marked interrupted', async () => {
    const chat = setup();
    chat.provider.hangAfter('Well, the first thing');
    await press(chat, 'Tell me everything', KEY.enter);
    await chat.until('Well, the first thing'); // streaming, and hung there
    await press(chat, KEY.escape);
    await chat.until('interrupted: the partial reply is saved');
    expect(chat.screen()).toContain('Well, the first thing');
    const reply = chat.store.messages.find((m) => m.role === 'persona')!;
    expect([reply.status, reply.content]).toEqual(['interrupted', 'Well, the first thing']);
  });

  it('answers unknown commands with a suggestion and quits on /quit with the session id', async () => {
    const chat = setup();
    await press(chat, '/hepl', KEY.enter);
    await chat.until('unknown command /hepl');
    expect(chat.screen()).toContain('did you mean /help?');
    chat.provider.reply('Hi.');
    await press(chat, 'hi', KEY.enter);
    await chat.until('Hi.');
    await press(chat, '/quit', KEY.enter);
    await eventually(() => expect(chat.quitWith()).toBe(chat.store.messages[0]!.sessionId), chat);
  });
});
