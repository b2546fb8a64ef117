// Entry of the bundled CLI. Kept tiny: it only builds the commander program (whose command files
// load lazily) and runs it. `--version` answers before anything else loads: scripts call it often.
// So does the plain `persona chat <persona>` (see plain-chat.ts).
import { VERSION } from './version.js';

/** `chat`, or `chat <persona>`, with nothing that looks like an option. */
const isPlainChat = (argv: readonly string[]): boolean => argv[0] === 'chat' && argv.length <= 2 && argv.every((a) => !a.startsWith('-'));

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${VERSION}\n`);
} else if (isPlainChat(args)) {
  const { runPlainChat } = await import('./plain-chat.js');
  await runPlainChat(args[1]);
} else {
  const [{ buildProgram }, { runProgram }] = await Promise.all([import('./program.js'), import('./run.js')]);
  await runProgram(buildProgram(), process.argv);
}
