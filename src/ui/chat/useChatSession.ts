import { useCallback, useState } from 'react';
import type { ChatEngine } from '../../chat/engine.js';
import type { ProviderName } from '../../core/messages.js';
import type { Persona } from '../../persona/schema.js';
import type { MessageRecord } from '../../core/records.js';
import { addToTotals, type SessionTotals } from '../format.js';
import { withIds, type HistoryItem, type NewHistoryItem } from './history-items.js';
import { personaView, type PersonaView } from './persona-view.js';

export interface ActiveChat {
  engine: ChatEngine;
  persona: Persona;
  view: PersonaView;
}

export interface ChatSession {
  chat: ActiveChat;
  items: HistoryItem[];
  /** Changes when the transcript is cleared, so <Static> starts over. */
  staticKey: number;
  totals: SessionTotals;
  provider: { name: ProviderName; model: string };
  push(items: NewHistoryItem[]): void;
  saved(message: MessageRecord): void;
  answering(name: ProviderName, model: string): void;
  /** Starts over on a cleared screen with just the header. */
  clear(): void;
  /** Draws the transcript again on a cleared screen (after a resize), its last items only. */
  redraw(): void;
  /** Continues with another engine (new session, other persona, resumed session). */
  switchTo(engine: ChatEngine, persona: Persona, intro: NewHistoryItem[], totals: SessionTotals): void;
}

/**
 * How many transcript items a redraw after a resize draws again: enough to read back the recent
 * conversation, few enough that a resize in a 1,000-message session does not stall the screen.
 */
const REDRAWN_ITEMS = 200;

/** The state of the conversation on screen: which engine, the transcript items, the totals. */
export function useChatSession(start: {
  engine: ChatEngine;
  persona: Persona;
  intro: NewHistoryItem[];
  totals: SessionTotals;
}): ChatSession {
  const [chat, setChat] = useState<ActiveChat>(() => ({ engine: start.engine, persona: start.persona, view: personaView(start.persona) }));
  const [items, setItems] = useState<HistoryItem[]>(() => withIds(start.intro));
  const [staticKey, setStaticKey] = useState(0);
  const [totals, setTotals] = useState<SessionTotals>(start.totals);
  const [provider, setProvider] = useState(() => providerOf(start.engine));

  const push = useCallback((next: NewHistoryItem[]) => {
    if (next.length > 0) setItems((prev) => [...prev, ...withIds(next)]);
  }, []);
  const saved = useCallback((message: MessageRecord) => setTotals((t) => addToTotals(t, message)), []);
  const answering = useCallback((name: ProviderName, model: string) => {
    setProvider((p) => (p.name === name && p.model === model ? p : { name, model }));
  }, []);
  const clear = useCallback(() => {
    setItems(withIds([{ kind: 'header', persona: chat.view }]));
    setStaticKey((k) => k + 1);
  }, [chat.view]);
  const redraw = useCallback(() => {
    setItems((prev) => {
      const hidden = prev.length - REDRAWN_ITEMS;
      if (hidden <= 0) return prev;
      return [
        ...withIds([
          {
            kind: 'notice',
            tone: 'info',
            text: `… ${hidden} earlier items above a resize are not redrawn (/export has the whole session)`,
          },
        ]),
        ...prev.slice(hidden),
      ];
    });
    setStaticKey((k) => k + 1);
  }, []);
  const switchTo = useCallback<ChatSession['switchTo']>((engine, persona, intro, totals) => {
    setChat({ engine, persona, view: personaView(persona) });
    setTotals(totals);
    setProvider(providerOf(engine));
    setItems((prev) => [...prev, ...withIds(intro)]);
  }, []);

  return { chat, items, staticKey, totals, provider, push, saved, answering, clear, redraw, switchTo };
}

function providerOf(engine: ChatEngine) {
  return { name: engine.provider.provider.name, model: engine.provider.model };
}
