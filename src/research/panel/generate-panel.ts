import type { ProviderError } from '../../core/errors.js';
import type { Usage } from '../../core/messages.js';
import type { PanelSlot } from '../../persona/generate/panel-plan.js';
import { strictPersonaSchema } from '../../persona/generate/strict-schema.js';
import type { StructuredProvider, StructuredRequest } from '../../providers/types.js';
import { checkGeneratedPersona } from './check-generated.js';
import { GENERATOR_SYSTEM, retryPrompt, slotPrompt } from './generation-prompt.js';

// Writes one persona per panel slot with a live model, `concurrency` requests at a time. Each
// reply is validated; an unusable one is asked for again once, with the problem quoted, and then
// reported as failed while the other slots go on. Two people never share a name: a duplicate is
// asked for again with the taken names listed.

export interface GeneratedPersona {
  slot: PanelSlot;
  persona: Record<string, unknown>;
  name: string;
}

export interface FailedSlot {
  slot: PanelSlot;
  problem: string;
  /** The model's last reply, kept so the user can see what went wrong. */
  raw?: string;
}

export type PanelEvent =
  | { type: 'started'; slot: PanelSlot }
  | { type: 'retry'; slot: PanelSlot; problem: string }
  | { type: 'written'; slot: PanelSlot; name: string }
  | { type: 'failed'; slot: PanelSlot; problem: string };

export interface GeneratePanelOptions {
  segment: string;
  slots: PanelSlot[];
  provider: StructuredProvider;
  model: string;
  temperature: number;
  maxOutputTokens: number;
  concurrency: number;
  signal: AbortSignal;
  /** Cost in USD of one reply's usage, or undefined when the model's price is unknown. */
  costOf(usage: Usage): number | undefined;
  /** Stop starting new slots once this much has been spent (undefined: no limit). */
  budgetUsd?: number;
  /** Called when a persona is ready, so it can be written at once (nothing is lost to a later failure). */
  onPersona(generated: GeneratedPersona): void;
  onEvent?(event: PanelEvent): void;
}

export interface PanelOutcome {
  generated: GeneratedPersona[];
  failed: FailedSlot[];
  costUsd: number;
  costKnown: boolean;
  stoppedBy?: 'budget' | 'interrupted' | ProviderError;
}

export async function generatePanel(options: GeneratePanelOptions): Promise<PanelOutcome> {
  const schema = strictPersonaSchema();
  const generated: GeneratedPersona[] = [];
  const failed: FailedSlot[] = [];
  const taken = new Set<string>();
  let costUsd = 0;
  let costKnown = true;
  let stoppedBy: PanelOutcome['stoppedBy'];
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);

  const ask = async (request: StructuredRequest) => {
    const result = await options.provider.structured(request);
    if (result.ok && result.usage) {
      const cost = options.costOf(result.usage);
      if (cost === undefined) costKnown = false;
      else costUsd += cost;
    }
    return result;
  };

  const writeSlot = async (slot: PanelSlot): Promise<void> => {
    options.onEvent?.({ type: 'started', slot });
    const messages: StructuredRequest['messages'] = [{ role: 'user', content: slotPrompt(options.segment, slot, [...taken]) }];
    let last: string | undefined;
    let problem = '';
    // One try, one retry for a bad reply, and one more for a taken name.
    for (let attempt = 0; attempt < 3 && !signal.aborted; attempt++) {
      const result = await ask({
        system: GENERATOR_SYSTEM,
        messages,
        model: options.model,
        temperature: options.temperature,
        maxOutputTokens: options.maxOutputTokens,
        signal,
        schemaName: 'persona',
        description: 'one persona file for a research panel',
        schema,
      });
      if (!result.ok) {
        if (signal.aborted) return;
        if (['auth', 'config', 'not_found'].includes(result.error.kind)) {
          stoppedBy ??= result.error;
          stop.abort();
          return;
        }
        problem = result.error.message;
        break;
      }
      last = result.json;
      const checked = checkGeneratedPersona(result.json);
      const nameTaken = checked.ok && taken.has(checked.name.toLowerCase());
      if (checked.ok && !nameTaken) {
        taken.add(checked.name.toLowerCase());
        const item = { slot, persona: checked.persona, name: checked.name };
        generated.push(item);
        options.onPersona(item);
        options.onEvent?.({ type: 'written', slot, name: checked.name });
        return;
      }
      problem = checked.ok ? `the name "${checked.name}" is already taken in this panel` : checked.problem;
      if (attempt === 1 && !nameTaken) break; // a second bad reply: report it
      options.onEvent?.({ type: 'retry', slot, problem });
      messages.push(
        { role: 'persona', content: result.json },
        { role: 'user', content: `${retryPrompt(problem)} Names taken: ${[...taken].join(', ') || 'none'}.` },
      );
    }
    if (signal.aborted) return;
    failed.push({ slot, problem, ...(last !== undefined ? { raw: last } : {}) });
    options.onEvent?.({ type: 'failed', slot, problem });
  };

  let next = 0;
  const worker = async () => {
    while (!signal.aborted && next < options.slots.length) {
      if (options.budgetUsd !== undefined && costUsd >= options.budgetUsd) {
        stoppedBy ??= 'budget';
        stop.abort();
        return;
      }
      await writeSlot(options.slots[next++]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, options.slots.length)) }, worker));
  if (!stoppedBy && options.signal.aborted) stoppedBy = 'interrupted';
  return { generated, failed, costUsd, costKnown, ...(stoppedBy ? { stoppedBy } : {}) };
}
