import { tokenizer } from 'acorn';

// Every start reads the CLI bundle into a string. Pure ASCII, it can be read as latin1, straight
// into a one-byte string: ~15 ms faster than decoding UTF-8 on every start (bin/load-bundle.js).
// esbuild escapes what is not ASCII in strings, templates and names, but leaves regular-expression
// literals as written; there a \uXXXX escape matches the same code unit, with or without the u
// flag (which reads an escaped surrogate pair as one code point, as it reads the pair itself).
// Anything else outside ASCII fails the build, as the loader would then misread it.
export function regexLiteralsInAscii(source, file) {
  return escapeRegexLiterals(source, file, () => {});
}

/**
 * The same, for a file with a source map (esbuild's, as JSON): the map is shifted to match. An
 * escape lengthens its line, and a whitespace-minified bundle's lines are long: without the shift,
 * everything after an escaped regular expression on the same line would map to the wrong place.
 */
export function regexLiteralsInAsciiWithMap(source, map, file) {
  const edits = [];
  const code = escapeRegexLiterals(source, file, (at, added) => edits.push([at, added]));
  return { code, map: { ...map, mappings: shiftGeneratedColumns(map.mappings, source, edits) } };
}

/** `onEdit(offset, added)` hears of each replacement: where it starts in `source` and how much longer it is. */
function escapeRegexLiterals(source, file, onEdit) {
  const regexes = [];
  const comments = [];
  for (const token of tokenizer(source, { ecmaVersion: 'latest', onComment: (_block, _text, start, end) => comments.push([start, end]) })) {
    if (token.type.label === 'regexp') regexes.push([token.start, token.end]);
  }
  const inside = (ranges, at) => ranges.some(([start, end]) => start <= at && at < end);
  return source.replace(/(\\*)([^\x00-\x7f])/g, (whole, backslashes, unit, at) => {
    const where = at + backslashes.length;
    const escape = `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
    if (inside(comments, where)) {
      onEdit(where, escape.length - 1);
      return `${backslashes}${escape}`;
    }
    if (!inside(regexes, where)) {
      const line = source.slice(0, where).split('\n').length;
      throw new Error(`${file}:${line}: a character outside ASCII outside a regular expression; the bundle must be ASCII`);
    }
    // \– (an escaped –) becomes \u2013, not \\u2013 (a backslash, then 'u2013')
    const identityEscape = backslashes.length % 2 === 1;
    onEdit(where, escape.length - 1 - (identityEscape ? 1 : 0));
    return `${identityEscape ? backslashes.slice(1) : backslashes}${escape}`;
  });
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Source-map `mappings` with each segment's generated column moved by what the edits before it on
 * its line added. Only the first field of a segment (its generated column, relative to the
 * segment before it on the line) changes; the other fields are copied as they are.
 */
function shiftGeneratedColumns(mappings, source, edits) {
  if (edits.length === 0) return mappings;
  // Per generated line: [column, added] of each edit, in order.
  const byLine = new Map();
  let line = 0;
  let lineStart = 0;
  let searched = 0;
  for (const [at, added] of edits) {
    for (let next = source.indexOf('\n', searched); next !== -1 && next < at; next = source.indexOf('\n', next + 1)) {
      line++;
      lineStart = next + 1;
    }
    searched = lineStart;
    if (!byLine.has(line)) byLine.set(line, []);
    byLine.get(line).push([at - lineStart, added]);
  }
  return mappings
    .split(';')
    .map((segments, index) => {
      const lineEdits = byLine.get(index);
      if (!lineEdits || segments === '') return segments;
      let column = 0;
      let shiftedBefore = 0;
      return segments
        .split(',')
        .map((segment) => {
          const fields = decodeVlq(segment);
          column += fields[0];
          let shift = 0;
          for (const [editColumn, added] of lineEdits) if (editColumn < column) shift += added;
          const shifted = column + shift;
          fields[0] = shifted - shiftedBefore;
          shiftedBefore = shifted;
          return fields.map(encodeVlq).join('');
        })
        .join(',');
    })
    .join(';');
}

function decodeVlq(segment) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

function encodeVlq(number) {
  let value = number < 0 ? (-number << 1) | 1 : number << 1;
  let out = '';
  do {
    let digit = value & 31;
    value >>>= 5;
    if (value > 0) digit |= 32;
    out += BASE64[digit];
  } while (value > 0);
  return out;
}
