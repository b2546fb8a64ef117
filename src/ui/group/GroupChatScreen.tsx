import { Box, Static, useApp, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isUserError } from '../../core/errors.js';
import type { ProviderName } from '../../core/messages.js';
import { sanitizeInline, sanitizeText } from '../../core/sanitize.js';
import type { MessageRecord } from '../../core/records.js';
import { forTheChat } from '../chat/chat-hints.js';
import { earlierNote } from '../chat/chat-start.js';
import { withIds, type HistoryItem, type NewHistoryItem } from '../chat/history-items.js';
import { HistoryItemView } from '../chat/HistoryItemView.js';
import { InputPrompt } from '../chat/InputPrompt.js';
import { LiveReply } from '../chat/LiveReply.js';
import { LiveReplyStore } from '../chat/live-reply-store.js';
import { personaView } from '../chat/persona-view.js';
import { StatusLine } from '../chat/StatusLine.js';
import { useReplyRunner } from '../chat/useReplyRunner.js';
import { addToTotals, NO_TOTALS, type SessionTotals } from '../format.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { HistoryNavigator } from '../input/history-navigator.js';
import type { ChatServices } from '../services.js';
import { consumeGroupTurn } from './consume-group.js';
import { groupItemsFromMessages } from './group-items.js';
import type { GroupChat, GroupChatEvent } from './group-chat.js';
import { GROUP_HELP, parseGroupInput } from './group-input.js';

/** What a reopened group session opens with: its last messages, how many came before, its totals. */
export interface ReopenedGroup {
  messages: readonly MessageRecord[];
  /** Earlier messages not drawn (a line says how many, and where to read them). */
  hidden: number;
  /** What the whole session's replies cost (summed in SQL); none for a new group. */
  totals: SessionTotals | undefined;
  sessionId: string | undefined;
}

interface Props {
  services: ChatServices;
  group: GroupChat;
  /** A reopened group session's end, shown as its transcript. */
  history: ReopenedGroup;
  onQuit(sessionId: string | undefined): void;
}

const RESERVED_ROWS = 9;

async function* afterReady(ready: Promise<void>, events: () => AsyncIterable<GroupChatEvent>): AsyncGenerator<GroupChatEvent> {
  await ready;
  yield* events();
}

/**
 * `persona chat a,b,c`: the user moderates a group. Each message gets a reply from every
 * participant in turn, streamed under their name; `/to <id> …` asks one of them.
 */
export function GroupChatScreen({ services, group, history: earlier, onQuit }: Props) {
  const views = useMemo(() => new Map(group.members.map((m) => [m.persona.id, personaView(m.persona)])), [group]);
  const header = useMemo<NewHistoryItem>(() => ({ kind: 'group-header', personas: [...views.values()] }), [views]);
  const [items, setItems] = useState<HistoryItem[]>(() =>
    withIds([header, ...earlierNote(earlier.hidden, earlier.sessionId), ...groupItemsFromMessages(earlier.messages, views)]),
  );
  const [staticKey, setStaticKey] = useState(0);
  const [totals, setTotals] = useState(() => earlier.totals ?? NO_TOTALS);
  const lead = group.members[0]!.engine.provider;
  const [provider, setProvider] = useState<{ name: ProviderName; model: string }>({ name: lead.provider.name, model: lead.model });
  const push = useCallback((next: NewHistoryItem[]) => {
    if (next.length > 0) setItems((prev) => [...prev, ...withIds(next)]);
  }, []);
  const live = useMemo(() => new LiveReplyStore(), []);
  const history = useMemo(() => new HistoryNavigator(services.loadInputHistory()), [services]);
  const runner = useReplyRunner({
    live,
    push,
    saved: (message: MessageRecord) => setTotals((t) => addToTotals(t, message)),
    answering: (name, model) => setProvider((p) => (p.name === name && p.model === model ? p : { name, model })),
  });
  const { columns, rows } = useTerminalSize();
  const { stdout } = useStdout();
  const { exit } = useApp();
  const quitting = useRef(false);
  const budget = () => ({ maxLiveLines: Math.max(3, rows - RESERVED_ROWS), width: Math.max(20, columns - 3) });

  const [leaving, setLeaving] = useState(false);
  // Leave an empty frame behind, not a stale prompt: render nothing, then exit.
  useEffect(() => {
    if (leaving) exit();
  }, [leaving, exit]);
  const quit = useCallback(() => {
    if (quitting.current) return;
    quitting.current = true;
    void runner.stop().then(() => {
      onQuit(group.session?.id);
      setLeaving(true);
    });
  }, [group, onQuit, runner]);

  const clearScreen = useCallback(() => {
    stdout.write('\x1b[2J\x1b[3J\x1b[H');
    setItems(withIds([header]));
    setStaticKey((k) => k + 1);
  }, [header, stdout]);

  const failed = (error: unknown) =>
    push([
      {
        kind: 'error',
        message: sanitizeInline(error instanceof Error ? error.message : String(error)),
        hint: isUserError(error) && error.hint ? forTheChat(sanitizeInline(error.hint)) : undefined,
      },
    ]);

  const say = (text: string, to?: string) => {
    let addressee;
    try {
      addressee = to ? group.member(to).persona : undefined;
    } catch (error) {
      return failed(error);
    }
    push([{ kind: 'user', text: sanitizeText(text), ...(addressee ? { to: views.get(addressee.id)! } : {}) }]);
    void runner.runWork((signal, sinks) =>
      consumeGroupTurn(
        afterReady(services.ready(), () => group.say(text, { signal, to: addressee?.id })),
        views,
        sinks,
        budget(),
      ),
    );
  };

  const submit = (raw: string) => {
    const input = parseGroupInput(raw);
    switch (input.kind) {
      case 'say':
        return say(input.text);
      case 'to':
        return say(input.text, input.ref);
      case 'incomplete':
        return push([{ kind: 'error', message: input.message }]);
      case 'unknown':
        return push([
          {
            kind: 'error',
            message: `/${sanitizeInline(input.name)} is not a group chat command`,
            hint: 'type /help for the ones there are',
          },
        ]);
      case 'command':
        switch (input.name) {
          case 'help':
            return push([{ kind: 'info', lines: GROUP_HELP }]);
          case 'quit':
            return quit();
          case 'clear':
            return clearScreen();
          case 'export': {
            const session = group.session;
            if (!session) return push([{ kind: 'notice', tone: 'info', text: 'nothing to export yet: send a message first' }]);
            void services
              .exportSession(session.id, undefined, input.arg || undefined)
              .then((file) => push([{ kind: 'notice', tone: 'info', text: `✓ wrote ${sanitizeInline(file)}` }]), failed);
            return;
          }
        }
    }
  };

  const ids = [...views.keys()];
  if (leaving) return null;
  return (
    <Box flexDirection="column">
      <Static key={staticKey} items={items}>
        {(item) => <HistoryItemView key={item.id} item={item} width={columns} />}
      </Static>
      <LiveReply store={live} width={columns} />
      <InputPrompt
        busy={runner.busy}
        placeholder="Message the group…  (/to <id> asks one · /help)"
        history={history}
        onSubmit={submit}
        onCancelReply={runner.cancel}
        onQuit={quit}
        onClearScreen={clearScreen}
        onRemember={(entry) => services.appendInputHistory(entry)}
        complete={(text) => completeTo(text, ids)}
      />
      <StatusLine provider={provider} totals={totals} busy={runner.busy} saving={services.saving} offlineNotice={services.offlineNotice} />
    </Box>
  );
}

/** Tab after `/to ` completes a participant id. */
function completeTo(text: string, ids: string[]): { text: string; candidates: string[] } {
  const match = /^\/to\s+(\S*)$/i.exec(text);
  if (!match) return { text, candidates: [] };
  const typed = match[1]!;
  const candidates = ids.filter((id) => id.startsWith(typed));
  if (candidates.length === 1) return { text: `/to ${candidates[0]} `, candidates: [] };
  return { text, candidates };
}
