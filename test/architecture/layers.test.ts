import { describe, expect, it } from 'vitest';
import { fromSrc, importsOf, sourceFiles, type ImportOf } from '../support/imports.js';

// The layering in docs/architecture.md, enforced: each top-level folder of src/ may import only the
// folders listed for it (and itself). Type-only imports count too: a type that lives a layer up
// drags its whole folder into the picture. A folder not in the table fails the test, so a new area
// is placed on purpose (add it here and to docs/architecture.md).

const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  persona: ['core'],
  // The offline engine writes replies from the persona's facts, so providers sit above persona.
  providers: ['persona', 'core'],
  store: ['core'],
  export: ['core'],
  // Voice shares provider settings and error mapping (the OpenAI transcriber uses the same key).
  voice: ['providers', 'core'],
  chat: ['persona', 'providers', 'core'],
  research: ['chat', 'persona', 'providers', 'export', 'core'],
  ui: ['chat', 'persona', 'voice', 'core'],
  server: ['chat', 'persona', 'providers', 'store', 'export', 'core'],
  cli: ['server', 'research', 'ui', 'chat', 'persona', 'providers', 'store', 'voice', 'export', 'core'],
};

const layerOf = (path: string): string => path.split('/')[0]!;

const files = sourceFiles();
const imports: ImportOf[] = files.flatMap(importsOf).filter((i) => i.target !== undefined);

/** Strongly connected components of more than one file: each is an import cycle. */
function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

function graph(list: readonly ImportOf[]): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const i of list) edges.set(i.file, [...(edges.get(i.file) ?? []), i.target!]);
  return edges;
}

describe('layers (docs/architecture.md)', () => {
  it('scans the whole source tree', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.some((i) => i.file === 'chat/engine.ts' && i.target === 'chat/chat-store.ts')).toBe(true);
  });

  it('every folder of src/ has a place in the table', () => {
    const unplaced = [...new Set(files.map((f) => layerOf(fromSrc(f))))].filter((layer) => !(layer in MAY_IMPORT));
    expect(unplaced).toEqual([]);
  });

  it('no import goes up a layer or sideways into a folder it may not use', () => {
    const violations = imports
      .filter((i) => {
        const from = layerOf(i.file);
        const to = layerOf(i.target!);
        return from !== to && !(MAY_IMPORT[from] ?? []).includes(to);
      })
      .map((i) => `${i.file} -> ${i.target}${i.typeOnly ? ' (type)' : ''}`);
    expect(violations).toEqual([]);
  });

  it('no import cycle between files at run time', () => {
    expect(cycles(graph(imports.filter((i) => !i.typeOnly)))).toEqual([]);
  });
});

describe('the checks catch what they are for', () => {
  it('finds a cycle, however long', () => {
    const edges = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
    ]);
    expect(cycles(edges)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(cycles(new Map([['a.ts', ['b.ts']]]))).toEqual([]);
  });

  it('the table forbids what the architecture forbids', () => {
    expect(MAY_IMPORT.core).toEqual([]);
    for (const below of ['core', 'persona', 'providers', 'store', 'export', 'voice', 'chat', 'research', 'ui', 'server'])
      expect(MAY_IMPORT[below], below).not.toContain('cli');
    expect(MAY_IMPORT.chat).not.toContain('store');
    expect(MAY_IMPORT.ui).not.toContain('store');
  });
});
