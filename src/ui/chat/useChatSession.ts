import { useCallback, useState } from 'react';
import type { ChatEngine } from '../../chat/engine.js';
import type { ProviderName } from '../../core/messages.js';
import type { Persona } from '../../persona/schema.js';
import type { MessageRecord } from '../../store/types.js';
import { addToTotals, totalsOf, type SessionTotals } from '../format.js';
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
  /** Continues with another engine (new session, other persona, resumed session). */
  switchTo(engine: ChatEngine, persona: Persona, intro: NewHistoryItem[], history: readonly MessageRecord[]): void;
}

/** The state of the conversation on screen: which engine, the transcript items, the totals. */
export function useChatSession(start: { engine: ChatEngine; persona: Persona; intro: NewHistoryItem[]; history: readonly MessageRecord[] }): ChatSession {
  const [chat, setChat] = useState<ActiveChat>(() => ({ engine: start.engine, persona: start.persona, view: personaView(start.persona) }));
  const [items, setItems] = useState<HistoryItem[]>(() => withIds(start.intro));
  const [staticKey, setStaticKey] = useState(0);
  const [totals, setTotals] = useState<SessionTotals>(() => totalsOf(start.history));
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
  const switchTo = useCallback<ChatSession['switchTo']>((engine, persona, intro, history) => {
    setChat({ engine, persona, view: personaView(persona) });
    setTotals(totalsOf(history));
    setProvider(providerOf(engine));
    setItems((prev) => [...prev, ...withIds(intro)]);
  }, []);

  return { chat, items, staticKey, totals, provider, push, saved, answering, clear, switchTo };
}

function providerOf(engine: ChatEngine) {
  return { name: engine.provider.provider.name, model: engine.provider.model };
}
