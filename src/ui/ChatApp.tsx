import { Box, Text, useApp } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { isUserError } from '../core/errors.js';
import { sanitizeInline } from '../core/sanitize.js';
import { chatStart } from './chat/chat-start.js';
import { ChatScreen, type ChatStart } from './chat/ChatScreen.js';
import { personaView } from './chat/persona-view.js';
import { PersonaPicker } from './picker/PersonaPicker.js';
import type { ChatServices } from './services.js';
import { theme } from './theme.js';
import { commandHint } from '../core/invocation.js';

export interface ChatOutcome {
  /** The session the user was in when they quit, if a message was sent. */
  sessionId: string | undefined;
}

interface Props {
  services: ChatServices;
  /** Ready to chat; without it a persona picker comes first. */
  start?: ChatStart;
  onExit(outcome: ChatOutcome): void;
}

/** The whole interactive app: the picker when no persona was named, then the chat. */
export function ChatApp({ services, start, onExit }: Props) {
  const { exit } = useApp();
  const [ready, setReady] = useState<ChatStart | undefined>(start);
  const [problem, setProblem] = useState<string | undefined>();
  const [opening, setOpening] = useState(false);
  const personas = useMemo(() => (start ? [] : services.listPersonas().map(personaView)), [services, start]);

  const [leaving, setLeaving] = useState<ChatOutcome | undefined>();
  // Leave an empty frame behind, not a stale prompt: render nothing, then exit.
  useEffect(() => {
    if (!leaving) return;
    onExit(leaving);
    exit();
  }, [leaving, onExit, exit]);
  const finish = (sessionId: string | undefined) => setLeaving({ sessionId });

  if (leaving) return null;
  if (ready) return <ChatScreen services={services} start={ready} onQuit={finish} />;
  if (opening) return <Text color={theme.dim}>Opening…</Text>;

  const pick = async (id: string) => {
    setOpening(true);
    try {
      const persona = services.resolvePersona(id);
      const engine = await services.createEngine({ persona });
      setReady(chatStart(engine, persona));
    } catch (error) {
      setProblem(
        commandHint(sanitizeInline(isUserError(error) ? `${error.message}${error.hint ? ` (${error.hint})` : ''}` : String(error))),
      );
      setOpening(false);
    }
  };

  if (personas.length === 0) {
    return <Text color={theme.error}>{commandHint('No personas found. Add one with `persona personas new`.')}</Text>;
  }
  return (
    <Box flexDirection="column">
      <PersonaPicker personas={personas} onPick={(id) => void pick(id)} onCancel={() => finish(undefined)} />
      {problem ? <Text color={theme.error}>✗ {problem}</Text> : null}
    </Box>
  );
}
