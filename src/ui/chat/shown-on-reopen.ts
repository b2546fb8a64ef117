/**
 * How much of a reopened session is drawn (and read from the store). A terminal's scrollback is
 * the only place it would go, and drawing a 1,000-message session costs seconds and hundreds of
 * MB; the whole of it is one command away. Its own module so the CLI can read a session's end
 * without loading the chat UI.
 */
export const SHOWN_ON_REOPEN = 100;
