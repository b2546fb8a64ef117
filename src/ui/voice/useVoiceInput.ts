import { useCallback, useEffect, useRef, useState } from 'react';
import { isUserError } from '../../core/errors.js';
import { sanitizeInline } from '../../core/sanitize.js';
import { RecordingCancelledError } from '../../voice/errors.js';
import type { Level, VoiceInput, VoiceResult } from '../../voice/index.js';
import type { NewHistoryItem } from '../chat/history-items.js';
import type { ChatServices } from '../services.js';

export type VoiceState =
  | { phase: 'idle' }
  /** Between the key press and the recorder running (the transcriber is chosen first). */
  | { phase: 'starting' }
  | { phase: 'recording'; rms: number; elapsedMs: number }
  | { phase: 'transcribing' };

export interface VoiceControls {
  state: VoiceState;
  /** Ctrl-R and /voice: start recording (a no-op while one runs). */
  start(): void;
  /** Enter or Ctrl-R while recording: end it; the transcript follows. */
  stop(): void;
  /** Esc: discard the recording, or abandon its transcription (the WAV is then kept). */
  cancel(): void;
}

interface Deps {
  services: ChatServices;
  /** The provider answering now (it tips the `auto` transcriber choice). */
  provider: string;
  onTranscript(result: VoiceResult): void;
  /** A failure or a cancellation, as one transcript line. */
  onProblem(item: NewHistoryItem): void;
}

/** Levels arrive with every audio chunk (dozens a second); the meter redraws at this pace. */
export const METER_REDRAW_MS = 80;

const IDLE: VoiceState = { phase: 'idle' };

interface Recording {
  controller: AbortController;
  input: VoiceInput | undefined;
  /** Enter pressed before the recorder was running: stop as soon as it is. */
  stopRequested: boolean;
}

/** Owns one voice recording at a time: its phase, its level for the meter, and its abort controller. */
export function useVoiceInput(deps: Deps): VoiceControls {
  const [state, setState] = useState<VoiceState>(IDLE);
  const recording = useRef<Recording | null>(null);
  const level = useRef<Level>({ rms: 0, elapsedMs: 0 });
  const latest = useRef(deps);
  latest.current = deps;

  const recordingNow = state.phase === 'recording';
  useEffect(() => {
    if (!recordingNow) return;
    const timer = setInterval(() => {
      const { rms, elapsedMs } = level.current;
      setState((s) =>
        s.phase === 'recording' && (s.rms !== rms || s.elapsedMs !== elapsedMs) ? { phase: 'recording', rms, elapsedMs } : s,
      );
    }, METER_REDRAW_MS);
    return () => clearInterval(timer);
  }, [recordingNow]);

  // Leaving the chat mid-recording must not leave the recorder running.
  useEffect(() => () => recording.current?.controller.abort(), []);

  const start = useCallback(() => {
    if (recording.current) return;
    const own: Recording = { controller: new AbortController(), input: undefined, stopRequested: false };
    recording.current = own;
    level.current = { rms: 0, elapsedMs: 0 };
    setState({ phase: 'starting' });
    void (async () => {
      try {
        const input = await latest.current.services.startVoice({
          provider: latest.current.provider,
          onLevel: (l) => (level.current = l),
          onTranscribing: () => setState({ phase: 'transcribing' }),
          signal: own.controller.signal,
        });
        own.input = input;
        setState((s) => (s.phase === 'starting' ? { phase: 'recording', rms: 0, elapsedMs: 0 } : s));
        if (own.stopRequested) input.stop();
        const result = await input.result;
        latest.current.onTranscript(result);
      } catch (error) {
        latest.current.onProblem(problemItem(error));
      } finally {
        recording.current = null;
        setState(IDLE);
      }
    })();
  }, []);

  const stop = useCallback(() => {
    const own = recording.current;
    if (!own) return;
    if (own.input) own.input.stop();
    else own.stopRequested = true;
  }, []);

  const cancel = useCallback(() => recording.current?.controller.abort(), []);

  return { state, start, stop, cancel };
}

function problemItem(error: unknown): NewHistoryItem {
  if (error instanceof RecordingCancelledError) return { kind: 'notice', tone: 'info', text: 'recording cancelled' };
  if (isUserError(error)) return { kind: 'error', message: sanitizeInline(error.message), hint: error.hint && sanitizeInline(error.hint) };
  return { kind: 'error', message: sanitizeInline(`voice input failed: ${error instanceof Error ? error.message : String(error)}`) };
}
