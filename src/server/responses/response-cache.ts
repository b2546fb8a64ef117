import type { ChatTurn } from '../../core/messages.js';

// Output items of recent responses, per user, so a later request can name one by
// `{type: "item_reference", id}` (the Vercel AI SDK does this for earlier assistant messages)
// instead of repeating its text. Bounded: the oldest entries go first; a reference to one that is
// gone is refused with a hint to send the text instead.

const DEFAULT_CAPACITY = 10_000;

export class ResponseCache {
  private readonly items = new Map<string, ChatTurn>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  remember(userId: string, itemId: string, turn: ChatTurn): void {
    const key = `${userId}\u0000${itemId}`;
    this.items.delete(key);
    this.items.set(key, turn);
    if (this.items.size > this.capacity) this.items.delete(this.items.keys().next().value!);
  }

  /** Another user's item is not found, exactly like one that never existed. */
  find(userId: string, itemId: string): ChatTurn | undefined {
    return this.items.get(`${userId}\u0000${itemId}`);
  }
}
