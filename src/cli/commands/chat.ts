import { readConfig } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import { loadPersonas } from '../../persona/loader.js';
import type { GroupStore } from '../../chat/chat-store.js';
import { chatOptionsSchema } from '../chat/chat-options.js';
import { createChatServices } from '../chat/chat-services.js';
import { DeferredHistoryStore } from '../chat/deferred-store.js';
import { NOTHING_OPENED, openChat } from '../chat/open-chat.js';
import { memoryStore, openHistoryStore, parseModelFlags } from '../engine-setup.js';
import { abortOnInterrupt } from '../interrupt.js';
import { providersWithKeys } from '../../providers/settings.js';
import { parseOptions } from '../options.js';
import { colorFor } from '../output.js';
import { commandHint } from '../../core/invocation.js';

/** The offline engine's pace in the interactive chat: about 35 words a second, like a fast model. */
const INTERACTIVE_PACE_MS = 28;

/** `persona chat [persona]`: the Ink chat on a terminal, a line-mode transcript when piped. */
export default async function chat(personaArg: string | undefined, rawOptions: Record<string, unknown> = {}): Promise<void> {
  const options = parseOptions(chatOptionsSchema, rawOptions);
  const flags = parseModelFlags(rawOptions);
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (!interactive && !personaArg && !options.session && !options.continue) {
    throw new UsageError('which persona?', 'persona chat <persona> < questions.txt (see `persona personas list`)');
  }
  if (interactive && !personaArg?.includes(',')) {
    const reopening = Boolean(options.continue || options.session);
    void import('../chat/run-ink.js').then(
      (ink) => ink.preloadInkChat(reopening),
      () => undefined,
    );
  }
  const config = readConfig();
  // Reopening a session reads the database before anything is shown; a new chat opens it after
  // the first frame (see DeferredHistoryStore).
  const openNow = options.save && (options.continue || options.session || !interactive);
  const eager = openNow ? await openHistoryStore() : undefined;
  const deferred = options.save && !eager ? new DeferredHistoryStore(openHistoryStore) : undefined;
  const store: GroupStore = eager ?? deferred ?? memoryStore();
  try {
    // The Ink chat draws only what fills the terminal (run-ink.ts), so only that much is read.
    const screenRows = interactive ? process.stdout.rows || 24 : undefined;
    const opened = personaArg?.includes(',') ? NOTHING_OPENED : await openChat(personaArg, options, eager, screenRows);
    const { offlineNotice } = await import('../../providers/offline/notice.js');
    const services = createChatServices({
      store,
      history: async () => eager ?? (deferred ? await deferred.ready() : undefined),
      saving: options.save,
      ready: async () => void (await deferred?.ready()),
      flags,
      config,
      paceMs: interactive ? INTERACTIVE_PACE_MS : 0,
      offlineNotice: offlineNotice(providersWithKeys(config), interactive ? 'command' : 'flag'),
      voice: { autoSend: options.voiceAutoSend, keepAudio: options.keepAudio },
      overBudget: options.overBudget,
    });
    // Several personas, or a group session reopened: a group chat with the user as moderator.
    // (The summary openChat found it by carries them: asking again would sum the session's messages twice.)
    const group = opened.session?.participants;
    if (personaArg?.includes(',') || (group && group.length > 1)) {
      const { runGroupChat } = await import('../chat/group-chat.js');
      await runGroupChat({
        ids: group ? group.map((p) => p.personaId).join(',') : personaArg!,
        session: group ? opened.session : undefined,
        reopened: group ? opened : undefined,
        options,
        flags,
        config,
        store,
        services,
        interactive,
        paceMs: interactive ? INTERACTIVE_PACE_MS : 0,
      });
      return;
    }
    if (!opened.persona && loadPersonas().personas.length === 0) {
      throw new UsageError('there are no personas to chat with', 'create one with `persona personas new`');
    }
    const engine = opened.persona ? await services.createEngine({ persona: opened.persona, session: opened.session }) : undefined;

    if (!interactive) {
      const interrupt = abortOnInterrupt();
      try {
        const { runLineChat } = await import('../chat/line-mode.js');
        process.exitCode = await runLineChat({
          engine: engine!,
          persona: opened.persona!,
          services,
          input: process.stdin,
          output: process.stdout,
          signal: interrupt.signal,
        });
      } finally {
        interrupt.dispose();
      }
      return;
    }

    const { runInkChat } = await import('../chat/run-ink.js');
    const start = engine && opened.persona ? { engine, persona: opened.persona, reopened: opened } : undefined;
    const outcome = await runInkChat(services, start, () => void deferred?.ready().catch(() => undefined));
    if (outcome.sessionId && options.save) {
      const dim = colorFor(process.stdout).dim;
      process.stdout.write(
        `${dim(commandHint(`Session ${outcome.sessionId} is saved. Reopen it with: persona chat --session ${outcome.sessionId}`))}\n`,
      );
    }
  } finally {
    await eager?.close();
    await deferred?.close();
  }
}
