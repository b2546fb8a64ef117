import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';
import { TRANSCRIPT_FORMATS, type Transcript, type TranscriptFormat } from './types.js';

export { parseTranscriptJson } from './json.js';
export { formatUsd } from './header.js';
export { TRANSCRIPT_FORMATS, type Transcript, type TranscriptFormat } from './types.js';

/** One session as a file's contents. Pure: the caller decides where it goes. */
export function renderTranscript(transcript: Transcript, format: TranscriptFormat): string {
  switch (format) {
    case 'md':
      return renderMarkdown(transcript);
    case 'json':
      return renderJson(transcript);
    case 'html':
      return renderHtml(transcript);
    case 'txt':
      return renderText(transcript);
  }
}

const EXTENSIONS: Record<string, TranscriptFormat> = {
  md: 'md',
  markdown: 'md',
  json: 'json',
  html: 'html',
  htm: 'html',
  txt: 'txt',
  text: 'txt',
};

/** The format a file name asks for (`notes.md` -> md), or undefined for an unknown extension. */
export function formatForFile(file: string): TranscriptFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : EXTENSIONS[extension];
}

export function isTranscriptFormat(value: string): value is TranscriptFormat {
  return (TRANSCRIPT_FORMATS as readonly string[]).includes(value);
}
