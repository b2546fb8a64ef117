import { useCallback, useRef, useState } from 'react';
import { sanitizeInline } from '../../core/sanitize.js';
import type { NewHistoryItem } from '../chat/history-items.js';
import type { ChatServices } from '../services.js';
import { useVoiceInput, type VoiceControls } from './useVoiceInput.js';

/** A message that came from a transcript: it is saved as spoken, with its kept WAV if any. */
export interface Spoken {
  wavPath: string | undefined;
}

interface Deps {
  services: ChatServices;
  provider: string;
  /** A reply is streaming: an auto-sent transcript would have nowhere to go. */
  busy: boolean;
  push(items: NewHistoryItem[]): void;
  send(text: string, spoken: Spoken): void;
}

export interface VoiceDraft {
  voice: VoiceControls;
  /** The latest transcript, for the prompt to insert at its cursor. */
  draft: { text: string } | undefined;
  /** Called on send: whether this message came from a transcript (edited or not). Clears the mark. */
  takeSpoken(): Spoken | undefined;
  /** The input was emptied: what is sent next is typed. */
  forgetSpoken(): void;
}

/**
 * Voice input as the chat uses it: a transcript lands in the input to edit or send (or is sent at
 * once with --voice-auto-send), and the message sent from it is remembered as spoken.
 */
export function useVoiceDraft({ services, provider, busy, push, send }: Deps): VoiceDraft {
  const [draft, setDraft] = useState<{ text: string }>();
  const spoken = useRef<Spoken | undefined>(undefined);
  const latest = useRef({ busy, send, push });
  latest.current = { busy, send, push };

  const voice = useVoiceInput({
    services,
    provider,
    onTranscript: (result) => {
      const text = sanitizeInline(result.text);
      const mark: Spoken = { wavPath: result.wavPath };
      if (services.voiceAutoSend && !latest.current.busy) return latest.current.send(text, mark);
      if (services.voiceAutoSend)
        latest.current.push([
          { kind: 'notice', tone: 'info', text: 'a reply is streaming: the transcript waits in the input (Enter sends it)' },
        ]);
      spoken.current = mark;
      setDraft({ text });
    },
    onProblem: (item) => latest.current.push([item]),
  });

  const takeSpoken = useCallback(() => {
    const mark = spoken.current;
    spoken.current = undefined;
    return mark;
  }, []);
  const forgetSpoken = useCallback(() => (spoken.current = undefined), []);

  return { voice, draft, takeSpoken, forgetSpoken };
}
