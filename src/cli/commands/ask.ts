import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { LimitError } from '../../chat/limits/limit-error.js';
import { readConfig } from '../../core/config.js';
import { ExitCode, UsageError } from '../../core/errors.js';
import { TerminalSanitizer } from '../../core/sanitize.js';
import { loadPersonas, resolvePersona } from '../../persona/loader.js';
import { providersWithKeys } from '../../providers/settings.js';
import type { Persona } from '../../persona/schema.js';
import type { HistoryStore } from '../../store/history-store.js';
import type { ChatStore } from '../../chat/chat-store.js';
import type { SessionRecord } from '../../core/records.js';
import { readScript } from '../ask/read-message.js';
import { askMessage, keepAudioWithMessage, type AskMessage } from '../voice-input.js';
import { collectTurn, turnJson, type TurnResult } from '../ask/turn-result.js';
import { memoryStore, openHistoryStore, parseModelFlags, setUpEngine, type ModelFlags } from '../engine-setup.js';
import { abortOnInterrupt } from '../interrupt.js';
import { c, colorFor, printJson, sanitizeInline } from '../output.js';
import { parseOptions } from '../options.js';
import { printTurnError } from '../print-turn-error.js';
import { printNotice } from '../show-notices.js';
import { findSessionOrFail, personaOfSession } from '../session-ref.js';

const askOptions = z.object({
  continue: z.optional(z.boolean()),
  session: z.optional(z.string().check(z.minLength(1))),
  save: z._default(z.boolean(), true),
  json: z.optional(z.boolean()),
  all: z.optional(z.boolean()),
  script: z.optional(z.string().check(z.minLength(1))),
  blocks: z.optional(z.boolean()),
  raw: z.optional(z.boolean()),
  wait: z._default(z.boolean(), true),
  overBudget: z.optional(z.boolean()),
  carryOver: z.optional(z.boolean()),
});

export default async function ask(personaArg: string | undefined, words: string[], rawOptions: Record<string, unknown>): Promise<void> {
  const options = parseOptions(askOptions, rawOptions);
  const flags = parseModelFlags(rawOptions);
  if (options.continue && options.session) throw new UsageError('use --continue or --session, not both');
  if (options.blocks && !options.script) throw new UsageError('--blocks only changes how a --script file is read', 'add --script <file>');
  if (!options.save && (options.continue || options.session)) {
    throw new UsageError('--no-save cannot add to a saved session', 'drop --no-save, or drop --continue/--session');
  }
  const config = readConfig();
  const history = options.save ? await openHistoryStore() : undefined;
  const store: ChatStore = history ?? memoryStore();
  const interrupt = abortOnInterrupt();
  try {
    // With --all or --session the personas are known, so every positional word is the message.
    let personas: Persona[];
    let session: SessionRecord | undefined;
    let messageWords = words;
    if (options.all) {
      personas = loadPersonas().personas;
      if (personas.length === 0) throw new UsageError('no personas to ask', 'see `persona personas list`');
      messageWords = personaArg === undefined ? words : [personaArg, ...words];
    } else if ((options.session || continuesLastOfAll(personaArg, options.continue)) && history) {
      // `--session <id>`, or `--continue "a message"` with no persona: the last session of all.
      const { session: found, persona } = await sessionAndPersona(history, options.session ?? 'last');
      session = found;
      personas = [persona];
      messageWords = personaArg === undefined ? words : [personaArg, ...words];
    } else {
      if (!personaArg) throw new UsageError('which persona?', 'persona ask <persona> "message" (see `persona personas list`), or --all');
      personas = personaArg
        .split(',')
        .filter(Boolean)
        .map((ref) => resolvePersona(ref.trim()));
      if (options.continue && history) {
        if (personas.length > 1) throw new UsageError('--continue works with one persona');
        session = await latestSession(history, personas[0]!.id);
      }
    }
    if (options.script) {
      if (personas.length > 1) throw new UsageError('--script interviews one persona at a time');
      if (messageWords.length > 0) throw new UsageError('give the questions in the --script file or as arguments, not both');
      const { runInterview } = await import('../ask/interview.js');
      process.exitCode = await runInterview({
        persona: personas[0]!,
        session,
        store,
        flags,
        config,
        questions: readScript(options.script, { blocks: options.blocks }),
        json: options.json,
        raw: options.raw,
        signal: interrupt.signal,
        saved: options.save,
      });
      return;
    }
    const spoken = await askMessage(messageWords, rawOptions, { config, flags, signal: interrupt.signal });
    const message = spoken.text;
    if (personas.length > 1) {
      const { runFocusGroup } = await import('../ask/focus-group.js');
      const { recordAskRun } = await import('../research/ask-run.js');
      const run = history ? await recordAskRun(history, personas, message, flags, config) : undefined;
      process.exitCode = await runFocusGroup({
        personas,
        store,
        flags,
        config,
        message,
        json: options.json,
        signal: interrupt.signal,
        onSession: run?.link,
      });
      await run?.finish(process.exitCode);
      return;
    }
    process.exitCode = await askOne(personas[0]!, message, {
      store,
      session,
      flags,
      config,
      json: options.json,
      raw: options.raw,
      signal: interrupt.signal,
      spoken,
      noWait: !options.wait,
      overBudget: options.overBudget,
      carryOver: options.carryOver,
    });
  } finally {
    interrupt.dispose();
    await history?.close();
  }
}

async function askOne(
  persona: Persona,
  message: string,
  ctx: {
    store: ChatStore;
    session?: SessionRecord;
    flags: ModelFlags;
    config: ReturnType<typeof readConfig>;
    json?: boolean;
    raw?: boolean;
    signal: AbortSignal;
    spoken: AskMessage;
    noWait: boolean;
    overBudget?: boolean;
    carryOver?: boolean;
  },
): Promise<number> {
  const engine = await setUpEngine({
    persona,
    flags: ctx.flags,
    store: ctx.store,
    session: ctx.session,
    config: ctx.config,
    overBudget: ctx.overBudget,
  });
  const rawOut = ctx.raw && !process.stdout.isTTY;
  const sanitizer = new TerminalSanitizer();
  const err = colorFor(process.stderr);
  if (engine.provider.provider.name === 'offline' && process.stderr.isTTY && !ctx.json) {
    const { offlineNotice } = await import('../../providers/offline/notice.js');
    process.stderr.write(`${err.dim(offlineNotice(providersWithKeys(ctx.config), 'flag'))}\n`);
  }
  const send = () =>
    engine.send(message, {
      signal: ctx.signal,
      inputMode: ctx.spoken.inputMode ?? (process.stdin.isTTY ? 'typed' : 'script'),
      noWait: ctx.noWait,
    });
  const onDelta = ctx.json ? undefined : (text: string) => process.stdout.write(rawOut ? text : sanitizer.push(text));
  let result: TurnResult;
  try {
    result = await collectTurn(send(), onDelta, printNotice);
  } catch (error) {
    // A full conversation with --carry-over: go on in a new session that starts from a summary.
    if (!(ctx.carryOver && error instanceof LimitError && (error.limit === 'turns' || error.limit === 'context'))) throw error;
    const from = engine.session?.id;
    const next = await engine.continueWithSummary(ctx.signal);
    printNotice(`${error.message}; continuing in session ${next.id} from a summary of session ${from}`);
    result = await collectTurn(send(), onDelta, printNotice);
  }
  await keepAudioWithMessage(ctx.store, result.sessionId, ctx.spoken);
  if (ctx.json) {
    printJson(turnJson(persona.id, sanitizeInline(persona.name), result));
  } else if (result.reply && !result.reply.endsWith('\n')) {
    process.stdout.write('\n');
  }
  if (result.error) {
    if (!ctx.json) printTurnError(result.error, result.sessionId);
    return ExitCode.provider;
  }
  if (result.message?.status === 'interrupted') {
    if (!ctx.json) process.stderr.write(`${c.dim('(interrupted; the partial reply is saved)')}\n`);
    return ExitCode.interrupted;
  }
  return ExitCode.ok;
}

async function latestSession(store: HistoryStore, personaId: string): Promise<SessionRecord> {
  const session = await store.latestSession(personaId);
  if (!session) throw new UsageError(`no earlier session with ${personaId} to continue`, `start one: persona ask ${personaId} "…"`);
  return session;
}

/** `ask --continue "follow up"`: the first word is a message, not a persona, so go on with the latest session. */
function continuesLastOfAll(personaArg: string | undefined, continuing: boolean | undefined): boolean {
  return continuing === true && personaArg !== undefined && /\s/.test(personaArg.trim());
}

async function sessionAndPersona(store: HistoryStore, ref: string): Promise<{ session: SessionRecord; persona: Persona }> {
  const session = await findSessionOrFail(store, ref);
  if (session.participants && session.participants.length > 1) {
    throw new UsageError(
      `session ${session.id} is a group session (${session.participants.map((p) => p.personaId).join(', ')})`,
      `go on with the group: persona chat --session ${session.id}`,
    );
  }
  return { session, persona: await personaOfSession(store, session) };
}
