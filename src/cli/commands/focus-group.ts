import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { readConfig } from '../../core/config.js';
import { ExitCode, InputFileError, UsageError } from '../../core/errors.js';
import { resolvePersona } from '../../persona/loader.js';
import { runFocusGroup } from '../../research/group/focus-group.js';
import { GroupConversation } from '../../research/group/group-conversation.js';
import { parseModeratorGuide, parseParticipantIds } from '../../research/group/moderator-guide.js';
import type { GroupStore } from '../../chat/chat-store.js';
import { memoryStore, openHistoryStore, parseModelFlags } from '../engine-setup.js';
import { groupMembers } from '../group/group-members.js';
import { GroupPrinter } from '../group/group-printer.js';
import { abortOnInterrupt } from '../interrupt.js';
import { numberFlag, parseOptions } from '../options.js';
import { colorFor, sanitizeInline } from '../output.js';

const focusGroupOptions = z.object({
  topic: z.optional(z.string().check(z.minLength(1))),
  moderator: z.optional(z.string().check(z.minLength(1))),
  rounds: z._default(numberFlag(0, 20, true), 0),
  json: z.optional(z.boolean()),
  save: z._default(z.boolean(), true),
  wait: z._default(z.boolean(), true),
  overBudget: z.optional(z.boolean()),
});

/** `persona focus-group a,b,c --topic "…"`: a moderated discussion, saved as one group session. */
export default async function focusGroup(ids: string, rawOptions: Record<string, unknown>): Promise<void> {
  const options = parseOptions(focusGroupOptions, rawOptions);
  const flags = parseModelFlags(rawOptions);
  if (options.topic && options.moderator) throw new UsageError('use --topic or --moderator, not both');
  const prompts = options.topic ? [options.topic] : options.moderator ? readGuide(options.moderator) : [];
  if (prompts.length === 0) {
    throw new UsageError('what should the group discuss?', 'give --topic "…", or --moderator guide.txt with one prompt per line');
  }
  const personas = parseParticipantIds(ids).map((ref) => resolvePersona(ref));
  const config = readConfig();
  const history = options.save ? await openHistoryStore() : undefined;
  const store: GroupStore = history ?? memoryStore();
  const interrupt = abortOnInterrupt();
  const err = colorFor(process.stderr);
  try {
    const members = await groupMembers(personas, { flags, store, config, overBudget: options.overBudget });
    const group = new GroupConversation({
      store,
      members,
      order: flags.seed === undefined ? { kind: 'round-robin' } : { kind: 'shuffled', seed: flags.seed },
      title: `Focus group: ${prompts[0]!}`,
    });
    const printer = new GroupPrinter(group.speakers, { json: options.json === true });
    if (!options.json) {
      const lead = members[0]!.engine.provider;
      process.stderr.write(
        err.dim(
          `Focus group · ${group.speakers.map((s) => sanitizeInline(s.name)).join(', ')} · ${prompts.length} prompt${prompts.length === 1 ? '' : 's'}${options.rounds ? ` · ${options.rounds} open round${options.rounds === 1 ? '' : 's'} each` : ''} · ${lead.provider.name}/${sanitizeInline(lead.model)}\n\n`,
        ),
      );
    }
    try {
      for await (const event of runFocusGroup(
        group,
        { prompts, rounds: options.rounds },
        { signal: interrupt.signal, noWait: !options.wait },
      )) {
        printer.handle(event);
        // A failed reply stops the group: the next speakers would hear a gap, and the same provider
        // would most likely fail them too. Everything so far is saved.
        if (printer.outcome.failed.length > 0) break;
      }
    } finally {
      // Also when a limit stops the group (exit 6): say where what was said is.
      const { sessionId, replies } = printer.outcome;
      if (sessionId && options.save) {
        process.stderr.write(err.dim(`saved as group session ${sessionId} (${replies} replies): persona sessions show ${sessionId}\n`));
      }
    }
    const { outcome } = printer;
    const failure = outcome.failed[0];
    if (failure) {
      process.stderr.write(`${err.red('error:')} ${sanitizeInline(failure.error.message)} (${sanitizeInline(failure.speaker.name)})\n`);
      if (failure.error.hint) process.stderr.write(`${err.dim('hint:')} ${sanitizeInline(failure.error.hint)}\n`);
    }
    process.exitCode = failure ? ExitCode.provider : interrupt.signal.aborted ? ExitCode.interrupted : ExitCode.ok;
  } finally {
    interrupt.dispose();
    await history?.close();
  }
}

function readGuide(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputFileError(file, [
      { path: '', message: `cannot read the moderator guide (${(error as NodeJS.ErrnoException).code ?? 'error'})` },
    ]);
  }
  const prompts = parseModeratorGuide(text);
  if (prompts.length === 0) {
    throw new InputFileError(file, [
      { path: '', message: 'the moderator guide has no prompts', hint: 'write one prompt per line (# starts a comment)' },
    ]);
  }
  return prompts;
}
