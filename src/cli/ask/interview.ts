import type { Config } from '../../core/config.js';
import { ExitCode } from '../../core/errors.js';
import { TerminalSanitizer, sanitizeText } from '../../core/sanitize.js';
import type { Persona } from '../../persona/schema.js';
import type { ChatStore } from '../../chat/chat-store.js';
import type { SessionRecord } from '../../core/records.js';
import { setUpEngine, type ModelFlags } from '../engine-setup.js';
import { c, printJson, println, sanitizeInline } from '../output.js';
import { printTurnError } from '../print-turn-error.js';
import { printNotice } from '../show-notices.js';
import { collectTurn, turnJson } from './turn-result.js';

// `ask --script questions.txt`: an interview, every question a turn in one session, the
// transcript streamed as it happens. A failed turn stops the interview (later questions often
// build on earlier answers); everything before it is saved.

export interface Interview {
  persona: Persona;
  session?: SessionRecord;
  store: ChatStore;
  flags: ModelFlags;
  config: Config;
  questions: string[];
  json?: boolean;
  raw?: boolean;
  signal: AbortSignal;
  /** False with --no-save: nothing is said to be saved. */
  saved: boolean;
}

export async function runInterview(interview: Interview): Promise<number> {
  const { persona, questions } = interview;
  const engine = await setUpEngine({
    persona,
    flags: interview.flags,
    store: interview.store,
    session: interview.session,
    config: interview.config,
  });
  const name = sanitizeInline(persona.name);
  const turns = [];
  const rawOut = interview.raw && !process.stdout.isTTY;
  for (const [i, question] of questions.entries()) {
    if (interview.signal.aborted) break;
    if (!interview.json) {
      println(`${c.bold.cyan('You:')} ${sanitizeText(question)}`);
      process.stdout.write(`${c.bold(`${name}:`)} `);
    }
    const sanitizer = new TerminalSanitizer();
    const result = await collectTurn(
      engine.send(question, { signal: interview.signal, inputMode: 'script' }),
      interview.json ? undefined : (text) => process.stdout.write(rawOut ? text : sanitizer.push(text)),
      printNotice,
    );
    turns.push({ question, ...turnJson(persona.id, name, result) });
    if (!interview.json) println(i < questions.length - 1 ? '\n' : '');
    if (result.error) {
      if (!interview.json) printTurnError(result.error, result.sessionId);
      if (interview.json) printJson({ sessionId: result.sessionId, persona: { id: persona.id, name }, turns });
      return ExitCode.provider;
    }
  }
  if (interview.json) printJson({ sessionId: engine.session?.id ?? null, persona: { id: persona.id, name }, turns });
  else if (engine.session && interview.saved)
    process.stderr.write(c.dim(`saved as session ${engine.session.id} (${turns.length} of ${questions.length} questions)\n`));
  else process.stderr.write(c.dim(`${turns.length} of ${questions.length} questions (not saved: --no-save)\n`));
  return interview.signal.aborted ? ExitCode.interrupted : ExitCode.ok;
}
