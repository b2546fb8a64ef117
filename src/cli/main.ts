// Entry of the bundled CLI. Kept tiny: it only builds the commander program (whose command files
// load lazily) and runs it.
import { buildProgram } from './program.js';
import { runProgram } from './run.js';

await runProgram(buildProgram(), process.argv);
