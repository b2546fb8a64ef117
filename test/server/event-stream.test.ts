import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStream } from '../../src/server/respond.js';

// How a server-sent event stream reaches the socket: events ready together leave together, a
// turn that is ready at once (its last event one event-loop turn after its words) leaves in one
// write, what opens the stream waits for the words, and the body is chunked like every other stream.

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Serves one stream written by `script`; returns the socket writes it took and what the client read. */
async function serve(
  script: (out: EventStream) => Promise<void>,
  onData: () => void = () => undefined,
): Promise<{ writes: number; body: string; headers: Record<string, unknown> }> {
  let writes = 0;
  server = createServer((_req, res) => {
    // What reaches the kernel: Node corks a response's socket for a tick, and the writes of that
    // tick leave as one `_writev` (or `_write` when there is one buffer).
    const socket = res.socket as unknown as Record<'_write' | '_writev', (...args: unknown[]) => unknown>;
    for (const method of ['_write', '_writev'] as const) {
      const original = socket[method].bind(socket);
      socket[method] = (...args: unknown[]) => (writes++, original(...args));
    }
    const out = new EventStream(res);
    out.open();
    void script(out).finally(() => out.end());
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/' }, (res) => {
      let body = '';
      onData();
      res.setEncoding('utf8').on('data', (part) => (body += part));
      res.on('end', () => resolve({ writes, body, headers: res.headers }));
    })
      .on('error', reject)
      .end();
  });
}

describe('EventStream', () => {
  it('sends a turn that is ready at once in one write, chunked, with every event in order', async () => {
    const { writes, body, headers } = await serve(async (out) => {
      void out.send({ sessionId: 's' }, 'start');
      for (const word of ['Hello ', 'there.']) void out.sendFrame(`event: delta\ndata: ${JSON.stringify({ text: word })}\n\n`);
      // The reply is saved in the next turn of the event loop; then its `done`.
      await nextTurn();
      void out.send({ finishReason: 'stop' }, 'done');
    });
    expect(body).toBe(
      'event: start\ndata: {"sessionId":"s"}\n\n' +
        'event: delta\ndata: {"text":"Hello "}\n\n' +
        'event: delta\ndata: {"text":"there."}\n\n' +
        'event: done\ndata: {"finishReason":"stop"}\n\n',
    );
    expect(headers['transfer-encoding']).toBe('chunked');
    expect(writes).toBe(1);
  });

  it('still streams a reply that takes its time: words that come later go out as they come', async () => {
    const { writes, body } = await serve(async (out) => {
      void out.send('[first]');
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        void out.send(`[word ${i}]`);
      }
    });
    expect(body).toBe('data: [first]\n\ndata: [word 0]\n\ndata: [word 1]\n\ndata: [word 2]\n\n');
    expect(writes).toBeGreaterThanOrEqual(3);
  });

  it('holds what opens the stream for the first words, however late they come, and sends it alone when none come', async () => {
    const { writes, body } = await serve(async (out) => {
      out.preamble({ sessionId: 's' }, 'start');
      // The reply is composed elsewhere (a thread, a live model): several turns of the event loop.
      for (let i = 0; i < 3; i++) await nextTurn();
      await new Promise((resolve) => setTimeout(resolve, 20));
      void out.sendFrame('event: delta\ndata: {"text":"Hi."}\n\n');
      await nextTurn();
      void out.send({ finishReason: 'stop' }, 'done');
    });
    expect(body).toBe(
      'event: start\ndata: {"sessionId":"s"}\n\nevent: delta\ndata: {"text":"Hi."}\n\nevent: done\ndata: {"finishReason":"stop"}\n\n',
    );
    expect(writes).toBe(1);

    const alone = await serve(async (out) => {
      out.preamble({ sessionId: 's' }, 'start');
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(alone.body).toBe('event: start\ndata: {"sessionId":"s"}\n\n');
  });

  it('sends what opens the stream alone, without waiting for words that are slow to come (a live model)', async () => {
    let firstByteAfterMs = 0;
    const started = performance.now();
    const { writes, body } = await serve(
      async (out) => {
        out.preamble({ sessionId: 's' }, 'start');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        void out.sendFrame('event: delta\ndata: {"text":"Hi."}\n\n');
      },
      () => (firstByteAfterMs ||= performance.now() - started),
    );
    expect(body).toBe('event: start\ndata: {"sessionId":"s"}\n\nevent: delta\ndata: {"text":"Hi."}\n\n');
    expect(writes).toBe(2);
    // The status, the headers and the session reach the client long before the words.
    expect(firstByteAfterMs).toBeGreaterThan(0);
    expect(firstByteAfterMs).toBeLessThan(700);
  });
});
