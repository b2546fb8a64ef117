// The chat forms that skip commander (see plain-chat.ts): `chat`, `chat <persona>`, and either of
// them with `-c`/`--continue`, how a chat is opened nearly every time. Its own tiny module: the
// CLI's entry imports it before anything else loads.

export interface PlainChatArgs {
  persona: string | undefined;
  continue: boolean;
}

/** The persona and --continue of a plain chat form; undefined for anything else (more options, help), which commander parses. */
export function plainChatArgs(argv: readonly string[]): PlainChatArgs | undefined {
  if (argv[0] !== 'chat') return undefined;
  const plain: PlainChatArgs = { persona: undefined, continue: false };
  for (const arg of argv.slice(1)) {
    if ((arg === '-c' || arg === '--continue') && !plain.continue) plain.continue = true;
    else if (arg.startsWith('-') || plain.persona !== undefined) return undefined;
    else plain.persona = arg;
  }
  return plain;
}
