import { parseTree, findNodeAtLocation, type Node } from 'jsonc-parser';

// Adds values to a JSON text without rewriting anything already there: every byte the author
// wrote (spacing, key order, escapes, number formats) stays as it was; new keys are inserted
// after the last existing key of their object, indented like it. An empty value the author left
// (null, "", [], {}) is replaced in place, because it holds nothing of theirs.

export interface Insertion {
  path: string[];
  value: unknown;
}

export interface Edit {
  offset: number;
  length: number;
  text: string;
  path: string[];
}

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function render(value: unknown, indent: string, unit: string): string {
  return JSON.stringify(value, null, unit).replace(/\n/g, `\n${indent}`);
}

function unitOf(text: string): string {
  const m = /\n([ \t]+)"/.exec(text);
  return m ? m[1]! : '  ';
}

/** The edit that puts `value` at `path`, creating missing parent objects on the way. */
function editFor(text: string, root: Node, path: string[], value: unknown, unit: string): Edit {
  // Find the deepest existing object on the path.
  let depth = path.length - 1;
  let container: Node | undefined;
  for (; depth >= 0; depth--) {
    container = depth === 0 ? root : findNodeAtLocation(root, path.slice(0, depth));
    if (container) break;
  }
  const existing = findNodeAtLocation(root, path);
  if (existing) {
    // An empty placeholder: replace the value only.
    const indent = indentOf(text, existing.parent?.offset ?? existing.offset);
    return { offset: existing.offset, length: existing.length, text: render(value, indent, unit), path };
  }
  if (container && container.type === 'null' && depth > 0) {
    // A parent the author left as null ("generatedInsights": null): it becomes the new object.
    let nested: unknown = value;
    for (let i = path.length - 1; i >= depth; i--) nested = { [path[i]!]: nested };
    const indent = indentOf(text, container.parent?.offset ?? container.offset);
    return { offset: container.offset, length: container.length, text: render(nested, indent, unit), path };
  }
  if (!container || container.type !== 'object') throw new Error(`cannot add ${path.join('.')}: its parent is not an object`);
  // Build the missing tail as nested objects: ['a','b','c'] under root with 'a' missing -> "a": {"b": {"c": v}}
  const key = path[depth]!;
  let nested: unknown = value;
  for (let i = path.length - 1; i > depth; i--) nested = { [path[i]!]: nested };
  const props = container.children ?? [];
  const last = props[props.length - 1];
  if (last) {
    const indent = indentOf(text, last.offset);
    const end = last.offset + last.length;
    return { offset: end, length: 0, text: `,\n${indent}${JSON.stringify(key)}: ${render(nested, indent, unit)}`, path };
  }
  // An empty object `{}` or `{ }`: open it up.
  const outer = indentOf(text, container.offset);
  const indent = outer + unit;
  return {
    offset: container.offset + 1,
    length: container.length - 2,
    text: `\n${indent}${JSON.stringify(key)}: ${render(nested, indent, unit)}\n${outer}`,
    path,
  };
}

/** Applies the insertions one at a time, so two new keys under one new parent share it. */
export function insertIntoJson(text: string, insertions: Insertion[]): { text: string; edits: Edit[] } {
  const unit = unitOf(text);
  const edits: Edit[] = [];
  let current = text;
  for (const insertion of insertions) {
    const root = parseTree(current);
    if (!root || root.type !== 'object') throw new Error('the file is not a JSON object');
    const edit = editFor(current, root, insertion.path, insertion.value, unit);
    current = current.slice(0, edit.offset) + edit.text + current.slice(edit.offset + edit.length);
    edits.push(edit);
  }
  return { text: current, edits };
}
