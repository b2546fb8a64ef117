import type { PersonaView } from './persona-view.js';

// The reply being streamed, outside React: the turn loop writes every delta here, and only the
// small <LiveReply> component subscribes, at most ~30 times a second. The App never re-renders
// per token.

export interface LiveReplyState {
  /** idle: nothing streaming; waiting: asked, no token yet (spinner); streaming: tokens arriving. */
  phase: 'idle' | 'waiting' | 'streaming';
  text: string;
  persona: PersonaView | null;
  /** False once the reply's first piece (which carries the name) has gone into the transcript. */
  showName: boolean;
}

export const IDLE_REPLY: LiveReplyState = { phase: 'idle', text: '', persona: null, showName: true };

type Listener = (urgent: boolean) => void;

export class LiveReplyStore {
  private state: LiveReplyState = IDLE_REPLY;
  private readonly listeners = new Set<Listener>();

  get(): LiveReplyState {
    return this.state;
  }

  /**
   * `urgent` asks subscribers to show this now rather than at the next batched frame: used when
   * text moves from the live area into the transcript, so it is never shown twice or not at all.
   */
  set(next: Partial<LiveReplyState>, urgent = false): void {
    this.state = { ...this.state, ...next };
    for (const listener of this.listeners) listener(urgent);
  }

  reset(): void {
    this.set(IDLE_REPLY, true);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
