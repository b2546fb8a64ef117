import type { Config } from '../../core/config.js';
import type { Persona } from '../../persona/schema.js';
import type { GroupMember } from '../../research/group/types.js';
import type { ChatStore } from '../../chat/chat-store.js';
import { setUpEngine, type ModelFlags } from '../engine-setup.js';

/** One engine per participant, all on the same provider, model and limits. */
export async function groupMembers(
  personas: readonly Persona[],
  setup: { flags: ModelFlags; store: ChatStore; config: Config; paceMs?: number; overBudget?: boolean },
): Promise<GroupMember[]> {
  return Promise.all(
    personas.map(async (persona) => ({
      persona,
      engine: await setUpEngine({
        persona,
        flags: setup.flags,
        store: setup.store,
        config: setup.config,
        paceMs: setup.paceMs,
        overBudget: setup.overBudget,
      }),
    })),
  );
}
