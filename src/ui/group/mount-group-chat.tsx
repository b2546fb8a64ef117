import { render, type Instance } from 'ink';
import type { ChatServices } from '../services.js';
import type { GroupChat } from './group-chat.js';
import { GroupChatScreen, type ReopenedGroup } from './GroupChatScreen.js';

/** Renders the group chat; `onQuit` gets the group session's id, if a message was sent. */
export function mountGroupChat(
  services: ChatServices,
  group: GroupChat,
  history: ReopenedGroup,
  onQuit: (sessionId: string | undefined) => void,
): Instance {
  return render(<GroupChatScreen services={services} group={group} history={history} onQuit={onQuit} />, {
    exitOnCtrlC: false,
    patchConsole: false,
  });
}
