import { commandHint } from '../../core/invocation.js';
import { loadPersonas } from '../../persona/loader.js';
import { c, padEnd, printJson, println, stdoutIsTTY, truncate, warn } from '../output.js';
import { personaListItem } from '../persona-view.js';

export default async function personasList(paths: string[], options: { json?: boolean }): Promise<void> {
  const { personas, failures } = loadPersonas({ paths });
  if (options.json) {
    printJson(personas.map(personaListItem));
  } else if (personas.length === 0) {
    println('No personas found. Create one with `persona personas new`.');
  } else {
    const items = personas.map(personaListItem);
    const idWidth = Math.max(...items.map((i) => i.id.length));
    const nameWidth = Math.max(...items.map((i) => i.name.length + 3));
    const width = stdoutIsTTY() ? (process.stdout.columns ?? 100) : Infinity;
    for (const item of items) {
      const name = `${item.emoji ?? '·'} ${item.name}`;
      const line = `${c.bold(item.id.padEnd(idWidth))}  ${padEnd(name, nameWidth)}  ${c.dim(item.summary)}`;
      println(
        width === Infinity ? line : truncateStyled(line, `${item.id.padEnd(idWidth)}  ${padEnd(name, nameWidth)}  ${item.summary}`, width),
      );
    }
    if (stdoutIsTTY())
      println(c.dim(commandHint(`\n${items.length} personas · chat with one: persona chat <id> · details: persona personas show <id>`)));
  }
  for (const failure of failures)
    warn(
      `skipped ${failure.message.split('\n')[0]}${failure.issues.length > 1 ? ` (+${failure.issues.length - 1} more; run \`persona personas validate\`)` : ''}`,
    );
}

/** Truncates by the plain text's width; falls back to plain text when it must cut. */
function truncateStyled(styled: string, plain: string, width: number): string {
  return plain.length <= width ? styled : truncate(plain, width);
}
