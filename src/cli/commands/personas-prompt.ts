import { personaForChat } from '../../persona/cards/chat-persona.js';
import { resolvePersona } from '../../persona/loader.js';
import { buildChatProfile } from '../../persona/profile.js';
import { buildSystemPrompt } from '../../persona/prompt.js';
import type { ChatProfile } from '../../persona/schema.js';
import { c, printJson, println, sanitizeInline, sanitizeText } from '../output.js';

export default async function personasPrompt(ref: string, options: { json?: boolean }): Promise<void> {
  // A card persona is shown as it chats: placeholders filled.
  const persona = personaForChat(resolvePersona(ref));
  const profile = buildChatProfile(persona.data);
  const prompt = buildSystemPrompt(persona, profile);
  if (options.json) {
    printJson({ id: persona.id, profile, systemPrompt: prompt.text, tokens: prompt.tokens, postHistory: prompt.postHistory });
    return;
  }
  println(c.bold(`Chat profile: ${sanitizeInline(persona.name)}`));
  println(renderProfile(profile));
  println();
  println(c.bold(`System prompt (~${prompt.tokens} tokens)`));
  println(c.dim('─'.repeat(Math.min(process.stdout.columns ?? 80, 80))));
  println(sanitizeText(prompt.text));
  println();
  println(c.bold('After the conversation history (on every request)'));
  println(c.dim('─'.repeat(Math.min(process.stdout.columns ?? 80, 80))));
  println(sanitizeText(prompt.postHistory));
}

export function renderProfile(profile: ChatProfile): string {
  const rows: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(profile)) {
    const shown = Array.isArray(value)
      ? value.length
        ? value.join('; ')
        : '—'
      : typeof value === 'number' && value <= 1 && key !== 'maxOutputTokens'
        ? value.toFixed(2)
        : String(value);
    rows.push([key, shown]);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${c.dim(k.padEnd(width))}  ${sanitizeInline(v)}`).join('\n');
}
