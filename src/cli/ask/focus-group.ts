import type { Config } from '../../core/config.js';
import { ExitCode } from '../../core/errors.js';
import { sanitizeText } from '../../core/sanitize.js';
import { emojiOf } from '../../persona/facts.js';
import type { Persona } from '../../persona/schema.js';
import type { ChatStore } from '../../chat/chat-store.js';
import { setUpEngine, type ModelFlags } from '../engine-setup.js';
import { c, printJson, println, sanitizeInline } from '../output.js';
import { collectTurn, turnJson, type TurnResult } from './turn-result.js';

// The same question to several personas at once (`ask a,b,c`, `ask --all`): independent answers,
// one session per persona. The personas never hear each other; for a discussion where they do,
// see `persona focus-group` (src/research/group). Replies run in parallel; each is printed,
// labelled, as soon as it and those before it are done, so the output order is the order the
// personas were named in. Rate-limit waits and budget warnings are printed on stderr as they come.

export interface FocusGroup {
  personas: Persona[];
  store: ChatStore;
  flags: ModelFlags;
  config: Config;
  message: string;
  json?: boolean;
  signal: AbortSignal;
  /** Called with each persona's session as its reply is done (a saved ask records them as one run). */
  onSession?(personaId: string, sessionId: string): Promise<void>;
}

export async function runFocusGroup(group: FocusGroup): Promise<number> {
  const runs = group.personas.map(async (persona) => {
    const engine = await setUpEngine({ persona, flags: group.flags, store: group.store, config: group.config });
    return collectTurn(engine.send(group.message, { signal: group.signal, inputMode: 'script' }), undefined, (notice) =>
      process.stderr.write(`${c.yellow('note:')} ${sanitizeInline(persona.name)}: ${sanitizeInline(notice)}\n`),
    );
  });
  const results: Array<{ persona: Persona; result: TurnResult }> = [];
  for (const [i, run] of runs.entries()) {
    const persona = group.personas[i]!;
    const result = await run;
    if (result.sessionId) await group.onSession?.(persona.id, result.sessionId);
    results.push({ persona, result });
    if (!group.json) printAnswer(persona, result);
  }
  if (group.json) printJson(results.map(({ persona, result }) => turnJson(persona.id, sanitizeInline(persona.name), result)));
  else
    println(
      c.dim(
        `${results.length} personas answered${results.some((r) => r.result.error) ? `, ${results.filter((r) => r.result.error).length} failed` : ''}.`,
      ),
    );
  if (results.some((r) => r.result.error)) return ExitCode.provider;
  if (group.signal.aborted) return ExitCode.interrupted;
  return ExitCode.ok;
}

function printAnswer(persona: Persona, result: TurnResult): void {
  const label = `${emojiOf(persona.data) ?? '·'} ${sanitizeInline(persona.name)} ${c.dim(`(${persona.id})`)}`;
  println(c.bold(label));
  if (result.error) println(`  ${c.red('error:')} ${result.error.message}`);
  else println(sanitizeText(result.reply.trim()));
  if (result.message?.status === 'interrupted') println(c.dim('  (interrupted)'));
  println();
}
