// The Markdown lexer in a worker thread (see prelex.ts): loading marked and compiling its patterns
// costs the main thread 30-40 ms, which a reopened chat would otherwise pay before its first frame.
// It answers each { id, texts } with { id, tokens } (one token list per text, in order).
import { parentPort } from 'node:worker_threads';
import { marked } from 'marked';
import { lexWith } from './lexer.js';

export interface LexRequest {
  id: number;
  texts: string[];
}

export interface LexResponse {
  id: number;
  tokens: ReturnType<typeof lexWith>[];
}

parentPort?.on('message', ({ id, texts }: LexRequest) => {
  const response: LexResponse = { id, tokens: texts.map((text) => lexWith(marked, text)) };
  parentPort!.postMessage(response);
});
