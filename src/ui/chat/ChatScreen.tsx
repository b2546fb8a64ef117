import { Box, Static, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ChatEngine } from '../../chat/engine.js';
import type { ChatEvent } from '../../chat/events.js';
import { isUserError } from '../../core/errors.js';
import { sanitizeText } from '../../core/sanitize.js';
import { buildChatProfile } from '../../persona/profile.js';
import { buildSystemPrompt } from '../../persona/prompt.js';
import type { Persona } from '../../persona/schema.js';
import { completeSlash, slashSuggestions } from '../commands/completion.js';
import { parseSlash, runSlash, SLASH_COMMANDS } from '../commands/registry.js';
import type { CommandContext } from '../commands/types.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { HistoryNavigator } from '../input/history-navigator.js';
import type { SessionTotals } from '../format.js';
import type { ChatServices } from '../services.js';
import { withKeptAudio } from '../voice/kept-audio.js';
import { useVoiceDraft, type Spoken } from '../voice/useVoiceDraft.js';
import { forTheChat } from './chat-hints.js';
import type { NewHistoryItem } from './history-items.js';
import { HistoryItemView } from './HistoryItemView.js';
import { InputPrompt } from './InputPrompt.js';
import { LiveReply } from './LiveReply.js';
import { LiveReplyStore } from './live-reply-store.js';
import { StatusLine } from './StatusLine.js';
import { useChatSession } from './useChatSession.js';
import { useCommandResults } from './useCommandResults.js';
import { useReplyRunner } from './useReplyRunner.js';

/** The engine's events, once the history database is open (it opens after the first frame). */
async function* afterReady(ready: Promise<void>, events: () => AsyncIterable<ChatEvent>): AsyncGenerator<ChatEvent> {
  await ready;
  yield* events();
}

export interface ChatStart {
  engine: ChatEngine;
  persona: Persona;
  /** Shown first: the header, and a reopened session's transcript. */
  intro: NewHistoryItem[];
  /** What the reopened session's replies cost so far (none for a new session). */
  totals: SessionTotals;
}

interface Props {
  services: ChatServices;
  start: ChatStart;
  onQuit(sessionId: string | undefined): void;
}

/** Rows kept for the prompt, status line and margins when sizing the live reply. */
const RESERVED_ROWS = 9;

/**
 * The chat: finished items in <Static> (written once, never redrawn), then the live reply, the
 * prompt and the status line, the only parts Ink redraws.
 */
export function ChatScreen({ services, start, onQuit }: Props) {
  const session = useChatSession(start);
  const { chat } = session;
  const { columns, rows } = useTerminalSize();
  const { stdout } = useStdout();
  const live = useMemo(() => new LiveReplyStore(), []);
  const history = useMemo(() => new HistoryNavigator(services.loadInputHistory()), [services]);
  const runner = useReplyRunner({ live, push: session.push, saved: session.saved, answering: session.answering });
  const budget = () => ({ maxLiveLines: Math.max(3, rows - RESERVED_ROWS), width: Math.max(20, columns - 3) });
  const quitting = useRef(false);

  const quit = useCallback(() => {
    if (quitting.current) return;
    quitting.current = true;
    void runner.stop().then(() => onQuit(chat.engine.session?.id));
  }, [chat.engine, onQuit, runner]);

  const clearScreen = useCallback(() => {
    // A control action of ours, not content: wipe the screen and scrollback, then redraw.
    stdout.write('\x1b[2J\x1b[3J\x1b[H');
    session.clear();
  }, [session, stdout]);

  useRedrawOnResize(columns, () => {
    stdout.write('\x1b[2J\x1b[3J\x1b[H');
    session.redraw();
  });

  const send = (text: string, spoken?: Spoken) => {
    session.push([{ kind: 'user', text: sanitizeText(text) }]);
    const reply = (signal: AbortSignal) =>
      afterReady(services.ready(), () => chat.engine.send(text, { signal, inputMode: spoken ? 'voice' : 'typed' }));
    const wavPath = spoken?.wavPath;
    const events = wavPath
      ? (signal: AbortSignal) =>
          withKeptAudio(
            reply(signal),
            wavPath,
            (sessionId, messageId) => services.keepVoiceAudio(wavPath, sessionId, messageId),
            (item) => session.push([item]),
          )
      : reply;
    void runner.run(chat.view, events, budget());
  };
  const spoken = useVoiceDraft({ services, provider: session.provider.name, busy: runner.busy, push: session.push, send });
  const retry = () => void runner.run(chat.view, (signal) => afterReady(services.ready(), () => chat.engine.retry({ signal })), budget());

  const commandContext = (): CommandContext => {
    const profile = buildChatProfile(chat.persona.data);
    return {
      persona: chat.persona,
      profile,
      systemPrompt: buildSystemPrompt(chat.persona, profile).text,
      session: chat.engine.session,
      provider: session.provider,
      services,
      messages: () => chat.engine.messages(),
      commands: SLASH_COMMANDS,
      width: columns,
    };
  };
  const applyResult = useCommandResults({
    session,
    services,
    commands: SLASH_COMMANDS,
    retry,
    quit,
    clearScreen,
    startVoice: spoken.voice.start,
    screen: { rows, columns },
  });

  const submit = (text: string) => {
    // Sent from a transcript, edited or not, the message counts as spoken.
    const fromVoice = spoken.takeSpoken();
    const slash = parseSlash(text);
    if (!slash) return send(text.startsWith('//') ? text.slice(1) : text, fromVoice);
    void services
      .ready()
      .then(() => runSlash(slash, commandContext()))
      .then(applyResult, (error: unknown) =>
        applyResult({
          type: 'error',
          message: error instanceof Error ? error.message : String(error),
          hint: isUserError(error) && error.hint ? forTheChat(error.hint) : undefined,
        }),
      );
  };

  const firstName = chat.view.name.split(' ')[0] ?? chat.view.name;
  return (
    <Box flexDirection="column">
      <Static key={session.staticKey} items={session.items}>
        {(item) => <HistoryItemView key={item.id} item={item} width={columns} />}
      </Static>
      <LiveReply store={live} width={columns} />
      <InputPrompt
        busy={runner.busy}
        placeholder={`Message ${firstName}…  (/help for commands)`}
        history={history}
        onSubmit={submit}
        onCancelReply={runner.cancel}
        onQuit={quit}
        onClearScreen={clearScreen}
        onRemember={(entry) => services.appendInputHistory(entry)}
        complete={(text) => completeSlash(text, commandContext())}
        suggest={(text) => slashSuggestions(text, SLASH_COMMANDS)}
        voice={spoken.voice.state}
        voiceKeys={spoken.voice.state.phase === 'idle' ? undefined : spoken.voice}
        onVoice={spoken.voice.start}
        draft={spoken.draft}
        onEmptied={spoken.forgetSpoken}
      />
      <StatusLine
        provider={session.provider}
        totals={session.totals}
        busy={runner.busy}
        saving={services.saving}
        offlineNotice={services.offlineNotice}
      />
    </Box>
  );
}

/** How long the width must stay put before the transcript is drawn again (resizes come in bursts). */
const RESIZE_SETTLE_MS = 150;

/**
 * A terminal that changes width re-folds what is already on screen, so Ink's count of the lines
 * it drew is wrong and pieces of old frames stay behind; finished messages also keep the old
 * width. Once the width settles, wipe the screen and draw the transcript again at the new width.
 */
function useRedrawOnResize(columns: number, redraw: () => void): void {
  const mounted = useRef(false);
  const latest = useRef(redraw);
  latest.current = redraw;
  useEffect(() => {
    // Even a width that comes back to where it was has garbled the screen on the way.
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    const timer = setTimeout(() => latest.current(), RESIZE_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [columns]);
}
