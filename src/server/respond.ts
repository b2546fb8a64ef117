import type { ServerResponse } from 'node:http';

// Writing responses. Every body is JSON, an export file, or a server-sent event stream.

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };

/**
 * How long what opens an event stream waits for the reply's first words before it goes out alone:
 * long enough for a reply composed here under load, short beside a live model's first words, and
 * a client learns the status and the session without waiting for those.
 */
const PREAMBLE_WAIT_MS = 200;

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(value);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * A server-sent event stream. Events sent in the same tick go out as one write (an engine yields
 * many deltas at once; a write each kept the event loop busy in `writev` under load). What opens a
 * stream before the reply (`preamble`: the session, the role chunk) waits for the reply's first
 * words (PREAMBLE_WAIT_MS at most), and those wait one turn of the event loop more: a reply that is ready at once (the
 * offline engine) is saved in the next turn, and its `done` then leaves in the same write as its
 * words, one write for the whole turn. Writes respect backpressure: once the socket's buffer is
 * full, `send` waits for it to drain, so a slow reader holds the engine back instead of the server
 * buffering a whole reply per connection.
 */
export class EventStream {
  private pending = '';
  private scheduled = false;
  /** Whether nothing has been flushed yet (the first flush is put off by a turn). */
  private first = true;
  /** Sends the preamble alone when the first words are slow to come. */
  private preambleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly res: ServerResponse) {}

  open(headers: Record<string, string> = {}): void {
    this.res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
      // Proxies such as nginx buffer responses unless told otherwise.
      'x-accel-buffering': 'no',
      ...headers,
    });
    // No flushHeaders(): the headers go out with the first events, in the same write.
  }

  /**
   * A named event (`event: name`) with JSON data, or a bare `data:` line when no name is given.
   * Returns a promise only when the socket's buffer is full (wait for it before sending more), so
   * a stream of words costs no promise per word.
   */
  send(data: unknown, event?: string): Promise<void> | undefined {
    return this.sendText(typeof data === 'string' ? data : JSON.stringify(data), event);
  }

  /**
   * An event that opens the stream (`send`'s arguments), sent with the reply's first words when
   * they come within PREAMBLE_WAIT_MS, alone after that: a write of its own was a third of a
   * served turn's writes.
   */
  preamble(data: unknown, event?: string): void {
    if (this.res.writableEnded || this.res.destroyed) return;
    const payload = typeof data === 'string' ? data : JSON.stringify(data);
    this.pending += event ? `event: ${event}\ndata: ${payload}\n\n` : `data: ${payload}\n\n`;
    this.preambleTimer ??= setTimeout(() => {
      this.preambleTimer = undefined;
      if (!this.scheduled) this.writePending();
    }, PREAMBLE_WAIT_MS);
  }

  /** `send` for data that is JSON text already (a frame built from a template). */
  sendText(payload: string, event?: string): Promise<void> | undefined {
    return this.write(event ? `event: ${event}\ndata: ${payload}\n\n` : `data: ${payload}\n\n`);
  }

  /**
   * A whole event as its text (`data: …` ending in a blank line): a reply's words, each framed
   * in one concatenation rather than its JSON first and the frame around it after.
   */
  sendFrame(frame: string): Promise<void> | undefined {
    return this.write(frame);
  }

  end(): void {
    this.stopPreambleTimer();
    if (this.res.writableEnded) return;
    const rest = this.pending;
    this.pending = '';
    if (this.res.destroyed) return;
    // write() then end() in one tick leave in one write, as chunked as every other stream (an
    // end() with the whole body would send it with a content-length instead).
    if (rest !== '') this.res.write(rest);
    this.res.end();
  }

  private write(chunk: string): Promise<void> | undefined {
    if (this.res.writableEnded || this.res.destroyed) return undefined;
    // What comes now carries the preamble with it.
    this.stopPreambleTimer();
    this.pending += chunk;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    if (!this.res.writableNeedDrain) return undefined;
    return new Promise((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.on('drain', done);
      this.res.on('close', done);
    });
  }

  private flush(): void {
    if (this.first) {
      this.first = false;
      setImmediate(() => this.flush());
      return;
    }
    this.scheduled = false;
    this.writePending();
  }

  private writePending(): void {
    if (this.pending === '' || this.res.writableEnded || this.res.destroyed) return;
    const text = this.pending;
    this.pending = '';
    this.res.write(text);
  }

  private stopPreambleTimer(): void {
    if (this.preambleTimer === undefined) return;
    clearTimeout(this.preambleTimer);
    this.preambleTimer = undefined;
  }
}
