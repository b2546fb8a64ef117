import { createInterface } from 'node:readline';
import type { ChatEngine } from '../../chat/engine.js';
import type { ChatEvent } from '../../chat/events.js';
import { ExitCode } from '../../core/errors.js';
import { TerminalSanitizer, sanitizeInline, sanitizeText } from '../../core/sanitize.js';
import type { Persona } from '../../persona/schema.js';
import { buildChatProfile } from '../../persona/profile.js';
import { buildSystemPrompt } from '../../persona/prompt.js';
import { parseSlash, runSlash, SLASH_COMMANDS } from '../../ui/commands/registry.js';
import type { CommandResult } from '../../ui/commands/types.js';
import type { ChatServices } from '../../ui/services.js';
import { colorFor } from '../output.js';
import { commandHint } from '../../core/invocation.js';
import { printNotice } from '../show-notices.js';

// The chat without a terminal (stdin or stdout piped): every input line is a message, and the
// conversation prints as a plain transcript. Same engine, same slash commands, no Ink.

/** Commands that only make sense on a screen: left out of /help here. */
const NEEDS_A_SCREEN: ReadonlySet<string> = new Set(['voice', 'clear']);

interface LineChat {
  engine: ChatEngine;
  persona: Persona;
  services: ChatServices;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean };
  signal: AbortSignal;
}

export async function runLineChat(chat: LineChat): Promise<number> {
  const paint = colorFor(chat.output as NodeJS.WriteStream);
  const write = (text: string) => chat.output.write(text);
  let { engine, persona } = chat;
  let failed = false;

  const reply = async (events: AsyncIterable<ChatEvent>) => {
    const sanitizer = new TerminalSanitizer();
    write(`${paint.bold(sanitizeInline(persona.name))}: `);
    let text = '';
    for await (const event of events) {
      if (event.type === 'delta') {
        const clean = sanitizer.push(event.text);
        text += clean;
        write(clean);
      } else if (event.type === 'notice') {
        printNotice(event.text);
      } else if (event.type === 'fallback') {
        process.stderr.write(`note: ${sanitizeInline(event.error.message)}; the offline engine answers instead\n`);
      } else if (event.type === 'done' && event.message.status === 'interrupted') {
        write(`${text.endsWith('\n') ? '' : '\n'}${paint.yellow('(interrupted)')}`);
      } else if (event.type === 'error') {
        failed = true;
        write(`${text.endsWith('\n') || !text ? '' : '\n'}${paint.red(`error: ${sanitizeInline(event.error.message)}`)}`);
        if (event.error.hint) write(`\n${paint.dim(`hint: ${commandHint(sanitizeInline(event.error.hint))}`)}`);
      }
    }
    write('\n\n');
  };

  // A new session's greeting, as the chat shows it (the engine saves it with the first message).
  const greet = () => {
    if (engine.opening) write(`${paint.bold(sanitizeInline(persona.name))}: ${sanitizeText(engine.opening)}\n\n`);
  };

  const apply = async (result: CommandResult): Promise<'quit' | void> => {
    switch (result.type) {
      case 'info':
        return void write(`${result.lines.map(sanitizeInline).join('\n')}\n\n`);
      case 'error':
        return void write(`${paint.red(`error: ${result.message}`)}${result.hint ? ` (${commandHint(result.hint)})` : ''}\n\n`);
      case 'text':
        return void write(`${result.title}\n${result.text}\n\n`);
      case 'help': {
        const usable = SLASH_COMMANDS.filter((c) => !NEEDS_A_SCREEN.has(c.name));
        const usage = usable.map((c) => `/${c.name}${c.args ? ` ${c.args}` : ''}`);
        const width = Math.max(...usage.map((u) => u.length)) + 2;
        return void write(`${usable.map((c, i) => `${usage[i]!.padEnd(width)}${c.description}`).join('\n')}\n\n`);
      }
      case 'voice':
        return void write(
          `${paint.red('error: voice input needs the interactive chat')} ${commandHint('(run `persona chat` in a terminal, or `persona ask <persona> --voice`)')}\n\n`,
        );
      case 'quit':
        return 'quit';
      case 'clear':
        return;
      case 'retry':
        return reply(engine.retry({ signal: chat.signal }));
      case 'continue': {
        write(`${paint.dim('-- summarizing this session… --')}\n`);
        const next = await engine.continueWithSummary(chat.signal);
        return void write(`${paint.dim(`-- continued in session ${next.id}, from a summary --`)}\n\n`);
      }
      case 'reset':
      case 'switch-persona':
        persona = result.type === 'reset' ? persona : result.persona;
        engine = await chat.services.createEngine({ persona, active: engine.provider });
        write(`${paint.dim(`-- new session with ${sanitizeInline(persona.name)} --`)}\n\n`);
        return greet();
      case 'resume':
        persona = result.opened.persona;
        engine = await chat.services.createEngine({ persona, session: result.opened.session, active: engine.provider });
        return void write(`${paint.dim(`-- resumed session ${result.opened.session.id} --`)}\n\n`);
      case 'set-provider':
        engine.setProvider(result.active);
        return void write(
          `${paint.dim(`-- now answering with ${result.active.provider.name} · ${sanitizeInline(result.active.model)} --`)}\n\n`,
        );
    }
  };

  greet();
  const lines = createInterface({ input: chat.input, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of lines) {
      if (chat.signal.aborted) break;
      const text = line.trim();
      if (!text) continue;
      const slash = parseSlash(text);
      if (slash) {
        // Echoed, so the transcript shows what each block of output answers.
        write(`${paint.cyan('You')}: ${sanitizeInline(text)}\n`);
        const profile = buildChatProfile(persona.data);
        const result = await runSlash(slash, {
          persona,
          profile,
          systemPrompt: buildSystemPrompt(persona, profile).text,
          session: engine.session,
          provider: { name: engine.provider.provider.name, model: engine.provider.model },
          services: chat.services,
          messages: () => engine.messages(),
          commands: SLASH_COMMANDS,
        });
        if ((await apply(result)) === 'quit') break;
        continue;
      }
      const message = text.startsWith('//') ? text.slice(1) : text;
      write(`${paint.cyan('You')}: ${sanitizeText(message)}\n`);
      await reply(engine.send(message, { signal: chat.signal, inputMode: 'script' }));
    }
  } finally {
    lines.close();
  }
  if (chat.signal.aborted) return ExitCode.interrupted;
  return failed ? ExitCode.provider : ExitCode.ok;
}
