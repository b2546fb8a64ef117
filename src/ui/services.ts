import type { ActiveProvider, ChatEngine } from '../chat/engine.js';
import type { Persona } from '../persona/schema.js';
import type { MessageRecord, SessionRecord, SessionSummary } from '../core/records.js';
import type { Level, VoiceInput } from '../voice/index.js';
import type { SessionTotals } from './format.js';

// What the chat UI needs from the outside world. The CLI implements it (config, SQLite, the
// provider registry, exporters, the input-history file); tests pass a fake. Keeping it an
// interface is what lets src/ui stay free of SQLite and SDK imports.

export interface OpenedSession {
  session: SessionRecord;
  persona: Persona;
  /** The session's last messages: what the chat draws, not the whole session. */
  messages: MessageRecord[];
  /** How many messages the session has in all. */
  total: number;
  totals: SessionTotals;
}

/** What the chat hands the voice layer when Ctrl-R or /voice starts a recording. */
export interface VoiceStart {
  /** The provider answering now; with `auto`, OpenAI's speech API is preferred when it is 'openai'. */
  provider: string;
  onLevel(level: Level): void;
  onTranscribing(): void;
  /** Aborting cancels: while recording nothing is kept; while transcribing the WAV is kept. */
  signal: AbortSignal;
}

export interface ChatServices {
  /** Resolves once the history database is open (it opens after the first frame is drawn). */
  ready(): Promise<void>;
  /** Every persona the app can load, for the picker and `/persona` completion. */
  listPersonas(): Persona[];
  /** A persona by id or unique prefix; throws a UserError with a did-you-mean hint. */
  resolvePersona(ref: string): Persona;
  /** A fresh engine for `persona` (continuing `session` when given), answering with `active` when given. */
  createEngine(setup: { persona: Persona; session?: SessionRecord; active?: ActiveProvider }): Promise<ChatEngine>;
  /** A provider by name (default: the configured one) and model; throws a ProviderError when it cannot be used. */
  activeProvider(name?: string, model?: string): Promise<ActiveProvider>;
  /** False with --no-save: nothing reaches the history database. */
  readonly saving: boolean;
  /** The most recently active sessions (the history store may answer over a socket, hence the promise). */
  listSessions(limit: number): Promise<SessionSummary[]>;
  /**
   * Ids of the sessions the last `listSessions` returned, for Tab completion of `/resume`, which
   * cannot wait for the database. Empty until a listing has been made.
   */
  knownSessionIds(): string[];
  /** A saved session by id or unique prefix, with its persona and messages; rejects with a UserError. */
  openSession(ref: string): Promise<OpenedSession>;
  /** Writes the session's transcript; returns the path written. Throws a UserError. */
  exportSession(sessionId: string, format: string | undefined, file: string | undefined): Promise<string>;
  loadInputHistory(): string[];
  appendInputHistory(entry: string): void;
  readonly offlineNotice: string;
  /** Starts recording from the microphone; rejects with a UserError (no recorder, no transcriber). */
  startVoice(start: VoiceStart): Promise<VoiceInput>;
  /** --voice-auto-send: a transcript is sent as soon as it arrives instead of landing in the input. */
  readonly voiceAutoSend: boolean;
  /** --keep-audio: files a kept recording beside its session, linked to the message; returns where it is. */
  keepVoiceAudio(wavPath: string, sessionId: string, messageId: string): Promise<string>;
}
