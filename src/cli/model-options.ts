import { Option, type Command } from 'commander';

/** The model flags every command that talks to a model takes (chat, ask, serve). */
export function modelOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--provider <name>', 'model provider').choices(['offline', 'openai', 'anthropic']))
    .option('-m, --model <name>', 'model name (default: from config, else the provider default)')
    .option('--temperature <n>', 'sampling temperature 0-2 (default: from the persona profile)')
    .option('--max-tokens <n>', 'most output tokens per reply (default: from the persona profile, 500)')
    .addOption(new Option('--fallback <engine>', 'answer with the offline engine when the provider fails').choices(['offline', 'none']))
    .option('--seed <n>', 'seed for the offline engine (same seed, same replies)');
}
