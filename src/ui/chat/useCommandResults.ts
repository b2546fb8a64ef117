import { useCallback } from 'react';
import { isUserError } from '../../core/errors.js';
import { sanitizeInline, sanitizeText } from '../../core/sanitize.js';
import type { CommandResult, SlashCommand } from '../commands/types.js';
import { NO_TOTALS, totalsOf } from '../format.js';
import type { ChatServices } from '../services.js';
import { reopenedItems, greetingItems } from './chat-start.js';
import { personaView } from './persona-view.js';
import type { ScreenSize } from './screenful.js';
import type { ChatSession } from './useChatSession.js';

interface Deps {
  session: ChatSession;
  services: ChatServices;
  commands: readonly SlashCommand[];
  retry(): void;
  quit(): void;
  clearScreen(): void;
  startVoice(): void;
  /** The terminal: a resumed session draws as much of its end as fills it. */
  screen: ScreenSize;
}

/** What each command result means on screen. */
export function useCommandResults({ session, services, commands, retry, quit, clearScreen, startVoice, screen }: Deps) {
  const { chat, push, switchTo } = session;

  const startOver = useCallback(
    async (persona: typeof chat.persona, label: string) => {
      const engine = await services.createEngine({ persona, active: chat.engine.provider });
      const view = personaView(persona);
      switchTo(
        engine,
        persona,
        [{ kind: 'notice', tone: 'info', text: `── ${label} ──` }, { kind: 'header', persona: view }, ...greetingItems(engine, view)],
        NO_TOTALS,
      );
    },
    [chat, services, switchTo],
  );

  return useCallback(
    async (result: CommandResult) => {
      try {
        switch (result.type) {
          case 'info':
            // Lines keep their spacing (lists are laid out in columns); only line breaks go.
            return push([{ kind: 'info', lines: result.lines.map((line) => sanitizeText(line).replace(/[\r\n\t]/g, ' ')) }]);
          case 'error':
            return push([{ kind: 'error', message: result.message, hint: result.hint }]);
          case 'text':
            return push([{ kind: 'text', title: result.title, text: result.text }]);
          case 'help':
            return push([{ kind: 'help', commands }]);
          case 'voice':
            return startVoice();
          case 'quit':
            return quit();
          case 'clear':
            return clearScreen();
          case 'retry':
            push([{ kind: 'notice', tone: 'info', text: '↻ regenerating the last reply' }]);
            return retry();
          case 'reset':
            return await startOver(chat.persona, 'new session');
          case 'continue': {
            push([{ kind: 'notice', tone: 'info', text: 'summarizing this session…' }]);
            const next = await chat.engine.continueWithSummary();
            const messages = await chat.engine.messages();
            const view = personaView(chat.persona);
            switchTo(
              chat.engine,
              chat.persona,
              [
                { kind: 'notice', tone: 'info', text: `── continued in session ${next.id}, from a summary ──` },
                ...reopenedItems({ messages, total: messages.length }, view, next.id),
              ],
              totalsOf(messages),
            );
            return;
          }
          case 'switch-persona':
            return await startOver(result.persona, `new session with ${sanitizeInline(result.persona.name)}`);
          case 'resume': {
            const { session: saved, persona, total, totals } = result.opened;
            const engine = await services.createEngine({ persona, session: saved, active: chat.engine.provider });
            const view = personaView(persona);
            switchTo(
              engine,
              persona,
              [
                { kind: 'notice', tone: 'info', text: `── resumed session ${saved.id} (${total} messages) ──` },
                { kind: 'header', persona: view },
                ...reopenedItems(result.opened, view, saved.id, screen),
              ],
              totals,
            );
            return;
          }
          case 'set-provider':
            chat.engine.setProvider(result.active);
            session.answering(result.active.provider.name, result.active.model);
            return push([
              {
                kind: 'notice',
                tone: 'info',
                text: `now answering with ${result.active.provider.name} · ${sanitizeInline(result.active.model)}`,
              },
            ]);
        }
      } catch (error) {
        if (isUserError(error))
          return push([{ kind: 'error', message: sanitizeInline(error.message), hint: error.hint && sanitizeInline(error.hint) }]);
        push([{ kind: 'error', message: sanitizeInline(error instanceof Error ? error.message : String(error)) }]);
      }
    },
    [chat, commands, push, quit, clearScreen, retry, screen, services, session, startOver, startVoice, switchTo],
  );
}
