import { newUserMessage } from '../../src/core/new-message.js';
import type { Transcript } from '../../src/export/types.js';
import type { MessageRecord } from '../../src/core/records.js';

export const ESC = '\u001b';
/** Clipboard write (OSC 52), colour (CSI) and a title change: what a hostile reply might carry. */
export const HOSTILE_TERMINAL_TEXT = `${ESC}]52;c;ZXZpbA==\u0007Sure${ESC}[31m red${ESC}[0m ${ESC}]0;owned${ESC}\\done`;
export const HOSTILE_HTML_TEXT = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

function message(seq: number, overrides: Partial<MessageRecord>): MessageRecord {
  return {
    ...newUserMessage('s1', ''),
    id: `m${seq}`,
    seq,
    createdAt: `2025-03-01T10:0${seq}:00.000Z`,
    ...overrides,
  };
}

const reply = {
  role: 'persona' as const,
  provider: 'openai' as const,
  model: 'gpt-4o-mini',
  inputMode: null,
  finishReason: 'stop' as const,
};

export function sampleTranscript(overrides: { costUsd?: number | null; personaName?: string } = {}): Transcript {
  return {
    session: {
      id: 's1',
      personaId: 'maria-lopez',
      snapshotId: 'snap1',
      userId: 'tester',
      provider: 'openai',
      model: 'gpt-4o-mini',
      title: 'Pricing interview',
      startedAt: '2025-03-01T10:00:00.000Z',
      lastActiveAt: '2025-03-01T10:05:00.000Z',
      personaName: overrides.personaName ?? 'Maria Lopez',
      messageCount: 5,
      inputTokens: 1234,
      outputTokens: 56,
      costUsd: overrides.costUsd === undefined ? null : overrides.costUsd,
    },
    snapshot: {
      id: 'snap1',
      personaId: 'maria-lopez',
      name: 'Maria Lopez',
      contentHash: 'abc123',
      persona: { id: 'maria-lopez', name: 'Maria Lopez', traits: ['frugal', 'curious'] },
      chatProfile: { tone: 'warm' },
      systemPrompt: 'You are Maria Lopez.',
      createdAt: '2025-03-01T09:59:00.000Z',
    },
    messages: [
      message(1, { content: 'What do you pay for software today?' }),
      message(2, {
        ...reply,
        content: HOSTILE_TERMINAL_TEXT,
        inputTokens: 600,
        outputTokens: 20,
        costUsd: 0.0004,
        latencyFirstTokenMs: 200,
        latencyTotalMs: 800,
      }),
      message(3, { content: HOSTILE_HTML_TEXT, inputMode: 'voice' }),
      message(4, { ...reply, content: 'I would say it depe', status: 'interrupted', finishReason: 'interrupted', fallback: true }),
      message(5, { ...reply, content: '', status: 'error', finishReason: 'error', error: 'HTTP 500 from openai' }),
    ],
  };
}
