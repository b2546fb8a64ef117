import type { ChatServices } from '../../src/ui/services.js';
import { UserError } from '../../src/core/errors.js';
import type { Persona } from '../../src/persona/schema.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import { SLASH_COMMANDS } from '../../src/ui/commands/registry.js';
import type { CommandContext } from '../../src/ui/commands/types.js';
import { persona } from '../persona/fixtures.js';

/** Personas and a ChatServices double for component tests: no disk, no database, no network. */
export const PERSONAS: Persona[] = [
  persona(
    {
      name: 'Diane Kowalczyk',
      baseSelection: { occupation: 'CFO', industry: 'Manufacturing' },
      profilePicture: { emoji: '📊', color: '#0f4c81' },
    },
    'cfo',
  ),
  persona(
    { name: 'Siobhan Gallagher', baseSelection: { occupation: 'ICU nurse', location: 'Stockport' }, profilePicture: { emoji: '🩺' } },
    'icu-nurse',
  ),
  persona({ name: 'Kofi Mensah', baseSelection: { occupation: 'Startup CTO' } }, 'startup-cto'),
];

export function fakeServices(overrides: Partial<ChatServices> = {}): ChatServices {
  return {
    ready: () => Promise.resolve(),
    saving: true,
    offlineNotice: 'Offline engine notice.',
    listPersonas: () => PERSONAS,
    resolvePersona: (ref) => {
      const found = PERSONAS.find((p) => p.id === ref);
      if (!found) throw new UserError(`no persona with id "${ref}"`, { hint: 'did you mean "cfo"?' });
      return found;
    },
    createEngine: () => Promise.reject(new Error('not used')),
    activeProvider: () => Promise.reject(new Error('not used')),
    listSessions: async () => [],
    knownSessionIds: () => [],
    openSession: () => Promise.reject(new UserError('no session')),
    exportSession: async () => '/tmp/out.md',
    loadInputHistory: () => [],
    appendInputHistory: () => {},
    startVoice: () => Promise.reject(new Error('not used')),
    voiceAutoSend: false,
    keepVoiceAudio: async (wavPath) => wavPath,
    ...overrides,
  };
}

/** What a slash command sees: the first fake persona, offline, no session yet. */
export function commandContext(overrides: Partial<CommandContext> = {}): CommandContext {
  const current = PERSONAS[0]!;
  return {
    persona: current,
    profile: buildChatProfile(current.data),
    systemPrompt: 'You are Diane.',
    session: undefined,
    provider: { name: 'offline', model: 'persona-offline-1' },
    services: fakeServices(),
    messages: async () => [],
    commands: SLASH_COMMANDS,
    ...overrides,
  };
}
