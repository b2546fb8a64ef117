import { asList } from './facts.js';
import type { DialogueExample, PersonaData, Story } from './schema.js';

// Readers for the instruction fields of a persona file (`scenario`, `exampleDialogue`, `stories`,
// `doNotMention`, `postHistoryInstructions`): how to play the person, never facts about them.
// A card imported before these fields existed kept its scenario in `customInputs.scenario`; it is
// read as the scenario too.

export function scenarioOf(data: PersonaData): string | undefined {
  const legacy = (data.customInputs as Record<string, unknown> | undefined)?.scenario;
  const text = data.scenario ?? (typeof legacy === 'string' ? legacy : undefined);
  return text?.trim() || undefined;
}

export function exampleDialogueOf(data: PersonaData): DialogueExample[] {
  return data.exampleDialogue ?? [];
}

export function storiesOf(data: PersonaData): Story[] {
  return data.stories ?? [];
}

export function doNotMentionOf(data: PersonaData): string[] {
  return asList(data.doNotMention);
}

export function postHistoryOf(data: PersonaData): string | undefined {
  return data.postHistoryInstructions?.trim() || undefined;
}
