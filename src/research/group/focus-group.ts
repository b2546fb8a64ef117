import type { GroupConversation, SayOptions } from './group-conversation.js';
import type { GroupEvent } from './types.js';

// A moderated focus group: each prompt of the guide in order, every participant answering in
// turn and hearing those before them; after each prompt, `rounds` open rounds in which they
// respond to each other on it (as a moderator lets a topic run before moving on). One group
// session holds it all.

export interface FocusGroupPlan {
  prompts: readonly string[];
  /** Open rounds after each prompt (0: none). */
  rounds: number;
}

export async function* runFocusGroup(
  group: GroupConversation,
  plan: FocusGroupPlan,
  options: Pick<SayOptions, 'signal' | 'noWait'> = {},
): AsyncGenerator<GroupEvent> {
  for (const prompt of plan.prompts) {
    if (options.signal?.aborted) return;
    yield* group.say(prompt, { ...options, inputMode: 'script' });
    for (let round = 0; round < plan.rounds; round++) {
      if (options.signal?.aborted) return;
      yield* group.openRound(options);
    }
  }
}
