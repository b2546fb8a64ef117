import { tokenizer } from 'acorn';

// Every start reads the CLI bundle into a string. Pure ASCII, it can be read as latin1, straight
// into a one-byte string: ~15 ms faster than decoding UTF-8 on every start (bin/load-bundle.js).
// esbuild escapes what is not ASCII in strings, templates and names, but leaves regular-expression
// literals as written; there a \uXXXX escape matches the same code unit, with or without the u
// flag (which reads an escaped surrogate pair as one code point, as it reads the pair itself).
// Anything else outside ASCII fails the build, as the loader would then misread it.
export function regexLiteralsInAscii(source, file) {
  const regexes = [];
  const comments = [];
  for (const token of tokenizer(source, { ecmaVersion: 'latest', onComment: (_block, _text, start, end) => comments.push([start, end]) })) {
    if (token.type.label === 'regexp') regexes.push([token.start, token.end]);
  }
  const inside = (ranges, at) => ranges.some(([start, end]) => start <= at && at < end);
  return source.replace(/(\\*)([^\x00-\x7f])/g, (whole, backslashes, unit, at) => {
    const where = at + backslashes.length;
    const escape = `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
    if (inside(comments, where)) return `${backslashes}${escape}`;
    if (!inside(regexes, where)) {
      const line = source.slice(0, where).split('\n').length;
      throw new Error(`${file}:${line}: a character outside ASCII outside a regular expression; the bundle must be ASCII`);
    }
    // \– (an escaped –) becomes \u2013, not \\u2013 (a backslash, then 'u2013')
    return `${backslashes.length % 2 === 1 ? backslashes.slice(1) : backslashes}${escape}`;
  });
}
