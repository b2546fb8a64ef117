import type { ChatTurn } from '../core/messages.js';
import type { ProviderRequest } from './types.js';

// The post-history reminder goes at the end of the last user turn: what comes last weighs most
// against drift in long chats, and a user turn is accepted by every chat template (a system
// message in the middle of a conversation is refused by some OpenAI-compatible servers).

export function turnsWithPostHistory(request: ProviderRequest): ChatTurn[] {
  const reminder = request.postHistory?.trim();
  const turns = request.messages;
  const last = turns.at(-1);
  if (!reminder || !last || last.role !== 'user') return turns;
  return [...turns.slice(0, -1), { role: 'user', content: `${last.content}\n\n${reminder}` }];
}
