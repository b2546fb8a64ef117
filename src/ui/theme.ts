// The chat's colours in one place. Named ANSI colours follow the user's terminal palette, so
// they read well on dark and light backgrounds alike.

export const theme = {
  user: 'cyan',
  accent: 'magenta',
  dim: 'gray',
  error: 'red',
  warning: 'yellow',
  success: 'green',
  link: 'blue',
  code: 'yellow',
  heading: 'cyan',
  /** A persona without its own colour. */
  persona: 'green',
} as const;

/** Highlight.js classes -> terminal colours. */
export const SYNTAX_COLORS: Record<string, string> = {
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
