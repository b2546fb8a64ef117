import type { Command } from 'commander';

// Voice commands: definitions only; the action loads when the command runs.

export function registerVoice(program: Command): void {
  const doctorAction = async (options: { json?: boolean }) => (await import('./commands/doctor.js')).default(options);
  program
    .command('doctor')
    .description('check what voice input can use here: recorder program, device, transcriber (with install commands)')
    .option('--json', 'print JSON')
    .action(doctorAction);
  const voice = program.command('voice').description('voice input: speak instead of typing (persona ask <persona> --voice)');
  voice.command('check').description('same as `persona doctor`').option('--json', 'print JSON').action(doctorAction);
}
