// Entry of the bundled CLI, called by bin/persona.js (which answers `--version` itself). Kept tiny:
// it only builds the commander program (whose command files load lazily) and runs it, or starts
// the plain `persona chat [persona] [--continue]` without it (see plain-chat.ts).
import { plainChatArgs } from './plain-chat-args.js';

export async function main(argv: string[]): Promise<void> {
  const plainChat = plainChatArgs(argv.slice(2));
  if (plainChat) {
    const { runPlainChat } = await import('./plain-chat.js');
    await runPlainChat(plainChat);
  } else {
    const [{ buildProgram }, { runProgram }] = await Promise.all([import('./program.js'), import('./run.js')]);
    await runProgram(buildProgram(), argv);
  }
}
