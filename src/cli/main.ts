// Entry of the bundled CLI. Kept tiny: it only builds the commander program (whose command files
// load lazily) and runs it. `--version` answers before anything else loads: scripts call it often.
// So does the plain `persona chat [persona] [--continue]` (see plain-chat.ts).
import { plainChatArgs } from './plain-chat-args.js';
import { VERSION } from './version.js';

const args = process.argv.slice(2);
const plainChat = plainChatArgs(args);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${VERSION}\n`);
} else if (plainChat) {
  const { runPlainChat } = await import('./plain-chat.js');
  await runPlainChat(plainChat);
} else {
  const [{ buildProgram }, { runProgram }] = await Promise.all([import('./program.js'), import('./run.js')]);
  await runProgram(buildProgram(), process.argv);
}
