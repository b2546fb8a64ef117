// The chat's colours in one place. Named ANSI colours follow the user's terminal palette, so
// they read well on dark and light backgrounds alike.

//
// NO_COLOR (https://no-color.org) turns colour off, not styling: with it set, every colour here is
// undefined, and the chat keeps bold, italics, underlines and the inverse-video cursor (see
// monochromeStyles in src/cli/chat/run-ink.ts). Without them the input had no visible cursor.

/** False when NO_COLOR is set (to anything but the empty string). */
export const COLOUR = !process.env.NO_COLOR;

/** A persona without its own colour. */
export const PERSONA_DEFAULT_COLOUR = 'green';

const colour = <T extends string>(name: T): T | undefined => (COLOUR ? name : undefined);

export const theme = {
  user: colour('cyan'),
  accent: colour('magenta'),
  dim: colour('gray'),
  error: colour('red'),
  warning: colour('yellow'),
  success: colour('green'),
  link: colour('blue'),
  code: colour('yellow'),
  heading: colour('cyan'),
  persona: colour(PERSONA_DEFAULT_COLOUR),
};

/** Highlight.js classes -> terminal colours. */
export const SYNTAX_COLORS: Record<string, string> = !COLOUR
  ? {}
  : {
      keyword: 'magenta',
      'selector-tag': 'magenta',
      symbol: 'magenta',
      built_in: 'cyan',
      type: 'cyan',
      property: 'cyan',
      literal: 'blue',
      title: 'blue',
      section: 'blue',
      number: 'yellow',
      attr: 'yellow',
      attribute: 'yellow',
      'selector-class': 'yellow',
      'selector-id': 'yellow',
      string: 'green',
      addition: 'green',
      regexp: 'red',
      variable: 'red',
      'template-variable': 'red',
      tag: 'red',
      name: 'red',
      deletion: 'red',
      comment: 'gray',
      doc: 'gray',
      meta: 'gray',
      quote: 'gray',
    };
