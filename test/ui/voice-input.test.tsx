import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ChatEngine } from '../../src/chat/engine.js';
import { MemoryStore } from '../../src/chat/memory-store.js';
import { UserError } from '../../src/core/errors.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import { chatStart } from '../../src/ui/chat/chat-start.js';
import { ChatScreen } from '../../src/ui/chat/ChatScreen.js';
import type { ChatServices } from '../../src/ui/services.js';
import { TranscriptionError } from '../../src/voice/errors.js';
import { ScriptedProvider } from '../chat/scripted-provider.js';
import { fakeServices, PERSONAS } from './fake-services.js';
import { FakeVoice } from './fake-voice.js';
import { eventually, KEY, press } from './keyboard.js';

const CTRL_R = '\x12';

function setup(overrides: Partial<ChatServices> = {}) {
  const store = new MemoryStore();
  const provider = new ScriptedProvider('openai');
  const voice = new FakeVoice();
  const persona = PERSONAS[0]!;
  const engine = new ChatEngine({
    store,
    persona,
    profile: buildChatProfile(persona.data),
    systemPrompt: 'You are Diane.',
    active: { provider, model: 'gpt-4o-mini' },
    options: { temperature: 0.7, maxOutputTokens: 500 },
  });
  const view = render(
    <ChatScreen
      services={fakeServices({ startVoice: voice.startVoice, ...overrides })}
      start={chatStart(engine, persona)}
      onQuit={() => {}}
    />,
  );
  // Colours off and line wraps undone: a long error line reads as one line again.
  const plain = (s: string | undefined) => (s ?? '').replace(/\x1b\[[0-9;]*m/g, '').replace(/\s+/g, ' ');
  const screen = () => plain(view.frames.join('\n'));
  /** The frame on screen now: what the prompt box holds at this moment. */
  const now = () => plain(view.lastFrame());
  const until = (check: string | (() => boolean), label = String(check)) => {
    const ok = typeof check === 'string' ? () => now().includes(check) : check;
    return eventually(() => expect(ok(), label).toBe(true), view);
  };
  return { ...view, store, provider, voice, screen, now, until };
}

describe('voice input in the chat', () => {
  it('Ctrl-R records with a level meter and elapsed time; Ctrl-R stops; the transcript lands in the input, and an edited send is saved as voice', async () => {
    const chat = setup();
    await press(chat, CTRL_R);
    await chat.until('● recording 0.0s');
    expect(chat.voice.starts[0]!.provider).toBe('openai');
    chat.voice.level(0.3, 2300);
    await chat.until(`recording 2.3s ${'█'.repeat(20)}`);
    chat.voice.level(0, 2600);
    await chat.until(`recording 2.6s ${'░'.repeat(20)}`);
    expect(chat.now()).toContain('Enter or Ctrl-R stops · Esc cancels');

    await press(chat, CTRL_R);
    await eventually(() => expect(chat.voice.stops).toBe(1), chat);
    await chat.until('transcribing…');
    chat.voice.finish('What would make you switch banks?');
    await chat.until('› What would make you switch banks?');
    // In the input to edit, not sent unseen.
    expect(chat.store.messages).toEqual([]);

    chat.provider.reply('Lower fees, honestly.');
    await press(chat, KEY.backspace, ' today?', KEY.enter);
    await chat.until('Lower fees, honestly.');
    expect(chat.store.messages.map((m) => [m.role, m.content, m.inputMode])).toEqual([
      ['user', 'What would make you switch banks today?', 'voice'],
      ['persona', 'Lower fees, honestly.', null],
    ]);
  });

  it('/voice starts recording and Enter stops it; the transcript joins text already typed', async () => {
    const chat = setup();
    await press(chat, '/voice', KEY.enter);
    await chat.until('● recording');
    await press(chat, KEY.enter);
    await eventually(() => expect(chat.voice.stops).toBe(1), chat);
    chat.voice.finish('is that fair?');
    await chat.until('› is that fair?');

    await press(chat, KEY.home, 'Honestly, ');
    await chat.until('› Honestly, is that fair?');
  });

  it('Esc cancels the recording: nothing is sent, and the text typed before stays in the input', async () => {
    const chat = setup();
    await press(chat, 'My draft', CTRL_R);
    await chat.until('● recording');
    expect(chat.now()).not.toContain('My draft');
    await press(chat, KEY.escape);
    await chat.until('recording cancelled');
    expect(chat.voice.starts[0]!.signal.aborted).toBe(true);
    await chat.until('› My draft');
    expect(chat.store.messages).toEqual([]);
  });

  it('a recorder that cannot start shows the error with the hint under it, and the chat goes on', async () => {
    const chat = setup();
    chat.voice.failToStart(
      new UserError('no microphone recorder found: install sox (apt-get install sox) or set voice.recorder', {
        hint: 'the "sox" program is not on PATH',
      }),
    );
    await press(chat, CTRL_R);
    // The hint stands on its own line under the error (the screen helper joins lines with spaces).
    await chat.until(
      '✗ no microphone recorder found: install sox (apt-get install sox) or set voice.recorder the "sox" program is not on PATH',
    );
    chat.provider.reply('Hello there.');
    await press(chat, 'Hi', KEY.enter);
    await chat.until('Hello there.');
    expect(chat.store.messages[0]).toMatchObject({ content: 'Hi', inputMode: 'typed' });
  });

  it('a failed transcription says where the recording is kept', async () => {
    const chat = setup();
    await press(chat, CTRL_R);
    await chat.until('● recording');
    await press(chat, KEY.enter);
    chat.voice.fail(
      new TranscriptionError('transcription failed (OpenAI whisper-1 at 127.0.0.1): 400 audio too short', '/home/u/.persona/audio/01J.wav'),
    );
    await chat.until('✗ transcription failed (OpenAI whisper-1 at 127.0.0.1): 400 audio too short');
    expect(chat.now()).toContain('the recording is kept at /home/u/.persona/audio/01J.wav');
    await chat.until('› Message Diane');
  });

  it('a transcript emptied from the input before sending no longer counts: the next message is typed', async () => {
    const chat = setup();
    await press(chat, CTRL_R);
    await chat.until('● recording');
    await press(chat, KEY.enter);
    chat.voice.finish('Wrong words');
    await chat.until('› Wrong words');
    await press(chat, KEY.ctrlC);
    chat.provider.reply('Sure.');
    await press(chat, 'Typed instead', KEY.enter);
    await chat.until('Sure.');
    expect(chat.store.messages[0]).toMatchObject({ content: 'Typed instead', inputMode: 'typed' });
  });

  it('--voice-auto-send sends the transcript at once, and --keep-audio files the WAV with the saved message', async () => {
    const kept: Array<[string, string, string]> = [];
    const chat = setup({
      voiceAutoSend: true,
      keepVoiceAudio: async (wavPath, sessionId, messageId) => {
        kept.push([wavPath, sessionId, messageId]);
        return `/home/u/.persona/audio/${sessionId}/${messageId}.wav`;
      },
    });
    chat.provider.reply('Probably not.');
    await press(chat, CTRL_R);
    await chat.until('● recording');
    await press(chat, KEY.enter);
    chat.voice.finish('Would you pay twenty dollars?', '/home/u/.persona/audio/01J.wav');
    await chat.until('Probably not.');
    const [user] = chat.store.messages;
    expect(user).toMatchObject({ content: 'Would you pay twenty dollars?', inputMode: 'voice' });
    expect(kept).toEqual([['/home/u/.persona/audio/01J.wav', user!.sessionId, user!.id]]);
    expect(chat.screen()).toContain(`🎙 recording kept at /home/u/.persona/audio/${user!.sessionId}/${user!.id}.wav`);
  });

  it('/help lists Ctrl-R and /voice', async () => {
    const chat = setup();
    await press(chat, '/help', KEY.enter);
    await chat.until(() => chat.screen().includes('Keys'), 'help shown');
    expect(chat.screen()).toMatch(/\/voice\s+record a message by voice/);
    expect(chat.screen()).toMatch(/Ctrl-R \(or \/voice\)\s+record a message by voice: Enter or Ctrl-R stops, Esc cancels/);
  });
});
