// What the user typed in a group chat: a message to everyone, a message to one participant
// (`/to <id> …`), or one of the few commands a group has.

export type GroupInput =
  | { kind: 'say'; text: string }
  | { kind: 'to'; ref: string; text: string }
  | { kind: 'command'; name: 'help' | 'quit' | 'export' | 'clear'; arg: string }
  | { kind: 'unknown'; name: string }
  | { kind: 'incomplete'; message: string };

const COMMANDS: Record<string, 'help' | 'quit' | 'export' | 'clear'> = {
  help: 'help',
  '?': 'help',
  quit: 'quit',
  exit: 'quit',
  q: 'quit',
  export: 'export',
  clear: 'clear',
};

export const GROUP_HELP = [
  'Group chat: you are the moderator; every participant answers each message in turn, hearing what was said before them.',
  '/to <id> <message>   only that participant answers (the others hear it)',
  '/export [file]       write the transcript (.md, .html, .json or .txt)',
  '/clear               clear the screen',
  '/quit                leave (Ctrl-D too); //text sends a message that starts with /',
];

export function parseGroupInput(input: string): GroupInput {
  const text = input.trim();
  if (text.startsWith('//')) return { kind: 'say', text: text.slice(1) };
  if (!text.startsWith('/')) return { kind: 'say', text };
  const [, name = '', rest = ''] = /^\/(\S*)\s*([\s\S]*)$/.exec(text) ?? [];
  if (name.toLowerCase() === 'to') {
    const [, ref = '', message = ''] = /^(\S*)\s*([\s\S]*)$/.exec(rest) ?? [];
    if (!ref || !message.trim()) return { kind: 'incomplete', message: 'usage: /to <participant id> <message>' };
    return { kind: 'to', ref, text: message.trim() };
  }
  const command = COMMANDS[name.toLowerCase()];
  return command ? { kind: 'command', name: command, arg: rest.trim() } : { kind: 'unknown', name };
}
