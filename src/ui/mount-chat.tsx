import { render, type Instance } from 'ink';
import { ChatApp, type ChatOutcome } from './ChatApp.js';
import type { ChatStart } from './chat/ChatScreen.js';
import type { ChatServices } from './services.js';

/**
 * Renders the chat app. JSX here (not React.createElement after a dynamic import) because the
 * bundle exposes React's CommonJS exports only on `default` to dynamic importers.
 */
export function mountChat(services: ChatServices, start: ChatStart | undefined, onExit: (outcome: ChatOutcome) => void): Instance {
  return render(<ChatApp services={services} start={start} onExit={onExit} />, { exitOnCtrlC: false, patchConsole: false });
}
