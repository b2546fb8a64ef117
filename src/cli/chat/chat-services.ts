import { existsSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MemoryStore } from '../../chat/memory-store.js';
import type { Config } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import { homePaths } from '../../core/home.js';
import type { Transcript, TranscriptFormat } from '../../export/index.js';
import { loadPersonas, resolvePersona } from '../../persona/loader.js';
import type { HistoryStore } from '../../store/history-store.js';
import type { ChatStore } from '../../chat/chat-store.js';
import type { ChatServices } from '../../ui/services.js';
import { fileWithSession } from '../../voice/audio-files.js';
import { resolveActiveProvider, setUpEngine, type ModelFlags } from '../engine-setup.js';
import { findSessionOrFail } from '../session-ref.js';
import { reopenSession } from './open-chat.js';
import { appendInputHistory, loadInputHistory } from './input-history-file.js';

export interface ServiceSetup {
  store: ChatStore;
  /** The history store, once it is open (it may open after the first frame); undefined with --no-save. */
  history: () => Promise<HistoryStore | undefined>;
  /** False with --no-save. */
  saving: boolean;
  ready: () => Promise<void>;
  flags: ModelFlags;
  config: Config;
  /** Offline engine pace: lively in the UI, instant for scripts. */
  paceMs: number;
  offlineNotice: string;
  /** --voice-auto-send and --keep-audio. */
  voice: { autoSend: boolean; keepAudio: boolean };
  /** --over-budget: send even when a spending budget is spent. */
  overBudget: boolean;
}

/** The chat UI's window on config, personas, the database, providers and exports. */
export function createChatServices(setup: ServiceSetup): ChatServices {
  const { store, flags, config, paceMs } = setup;
  const historyFile = homePaths().inputHistory;
  let knownSessionIds: string[] = [];
  return {
    ready: setup.ready,
    saving: setup.saving,
    offlineNotice: setup.offlineNotice,
    listPersonas: () => loadPersonas().personas,
    resolvePersona: (ref) => resolvePersona(ref),
    async createEngine({ persona, session, active }) {
      const engine = await setUpEngine({
        persona,
        flags,
        store,
        session,
        config,
        paceMs,
        greetingShown: true,
        overBudget: setup.overBudget,
      });
      if (active) engine.setProvider(active);
      return engine;
    },
    activeProvider: (name, model) =>
      resolveActiveProvider(
        { ...flags, provider: name ?? flags.provider, model: model ?? (name ? undefined : flags.model) },
        config,
        paceMs,
      ),
    async listSessions(limit) {
      const sessions = (await (await setup.history())?.listSessions({ limit })) ?? [];
      knownSessionIds = sessions.map((s) => s.id);
      return sessions;
    },
    knownSessionIds: () => knownSessionIds,
    async openSession(ref) {
      const history = await setup.history();
      if (!history) throw new UsageError('this chat runs with --no-save: there are no saved sessions here');
      const session = await findSessionOrFail(history, ref);
      if (session.participants && session.participants.length > 1) {
        throw new UsageError(
          `session ${session.id} is a group session`,
          `reopen it as a group: quit, then persona chat --session ${session.id}`,
        );
      }
      return { session, persona: resolvePersona(session.personaId), ...(await reopenSession(history, session.id)) };
    },
    async exportSession(sessionId, format, file) {
      const transcript = setup.saving
        ? await (await setup.history())?.getTranscript(sessionId)
        : await memoryTranscript(store as MemoryStore, sessionId);
      if (!transcript) throw new UsageError(`no session ${sessionId} to export`);
      return await writeExport(transcript, format, file);
    },
    loadInputHistory: () => loadInputHistory(historyFile),
    appendInputHistory: (entry) => appendInputHistory(historyFile, entry),
    voiceAutoSend: setup.voice.autoSend,
    async startVoice({ provider, onLevel, onTranscribing, signal }) {
      // Loaded on first use: a chat that never records never pays for the recorder and transcribers.
      const { startVoiceInput } = await import('../../voice/index.js');
      return startVoiceInput({ config, provider, keepAudio: setup.voice.keepAudio, onLevel, onTranscribing, signal });
    },
    async keepVoiceAudio(wavPath, sessionId, messageId) {
      const history = await setup.history();
      // With --no-save there is no message row to link: the WAV stays where it was recorded.
      if (!history) return wavPath;
      const filed = fileWithSession(wavPath, sessionId, messageId);
      await history.attachAudio(messageId, filed);
      return filed;
    },
  };
}

/** The renderers load on the first /export: the chat's first frame does not wait for them. */
async function writeExport(transcript: Transcript, format: string | undefined, file: string | undefined): Promise<string> {
  const { formatForFile, isTranscriptFormat, renderTranscript } = await import('../../export/index.js');
  if (format !== undefined && !isTranscriptFormat(format)) throw new UsageError(`unknown format "${format}"`, 'use md, json, html or txt');
  const chosen: TranscriptFormat = (format as TranscriptFormat | undefined) ?? (file ? formatForFile(file) : undefined) ?? 'md';
  const target = file
    ? resolve(expandHome(file))
    : freeName(`${transcript.session.personaId}-${transcript.session.id.slice(0, 8)}`, chosen);
  if (file && existsSync(target)) throw new UsageError(`${target} already exists`, 'give another file name');
  writeFileSync(target, renderTranscript(transcript, chosen));
  return target;
}

/** `cfo-01jx….md`, or `cfo-01jx…-2.md` when that is taken: repeated exports never overwrite. */
function freeName(base: string, extension: string): string {
  for (let n = 1; ; n++) {
    const candidate = resolve(`${base}${n === 1 ? '' : `-${n}`}.${extension}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/** A --no-save chat still exports: its transcript is assembled from the in-memory store. */
async function memoryTranscript(store: MemoryStore, sessionId: string): Promise<Transcript | undefined> {
  const session = await store.getSession(sessionId);
  if (!session) return undefined;
  const messages = await store.listMessages(sessionId);
  const snapshot = store.snapshots.get(session.snapshotId);
  const replies = messages.filter((m) => m.role === 'persona');
  const priced = replies.filter((m) => m.inputTokens !== null || m.outputTokens !== null);
  return {
    session: {
      ...session,
      personaName: snapshot?.name ?? session.personaId,
      messageCount: messages.length,
      inputTokens: replies.reduce((sum, m) => sum + (m.inputTokens ?? 0), 0),
      outputTokens: replies.reduce((sum, m) => sum + (m.outputTokens ?? 0), 0),
      costUsd: priced.some((m) => m.costUsd === null) ? null : priced.reduce((sum, m) => sum + (m.costUsd ?? 0), 0),
    },
    ...(snapshot ? { snapshot } : {}),
    messages,
  };
}

/** `~` and `~/…` mean the home folder, as in a shell (the chat has no shell to expand them). */
export function expandHome(file: string): string {
  if (file === '~') return homedir();
  return file.startsWith('~/') ? join(homedir(), file.slice(2)) : file;
}
