import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { postJson, startTestServer } from './helpers.js';

// A slowloris load: 200 sockets that open a request and never finish its headers, some dribbling
// a header byte now and then, some silent. Normal requests keep being answered meanwhile, and the
// server closes every slow socket once the header timeout has passed.

const HEADERS_TIMEOUT_MS = 2000;
/** Node checks the timeouts once a second: a slow socket is closed within a second of its deadline. */
const CLOSE_SLACK_MS = 1500;

interface SlowSocket {
  socket: Socket;
  closedAfterMs: Promise<number>;
}

function slowSocket(url: string, dribble: boolean): Promise<SlowSocket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const opened = performance.now();
    const socket = connect(Number(port), hostname);
    let timer: NodeJS.Timeout | undefined;
    const closedAfterMs = new Promise<number>((done) =>
      socket.on('close', () => {
        clearInterval(timer);
        done(performance.now() - opened);
      }),
    );
    socket.on('error', () => {});
    socket.on('data', () => {});
    socket.once('connect', () => {
      socket.write(`GET /api/personas HTTP/1.1\r\nHost: ${hostname}:${port}\r\n`);
      if (dribble) timer = setInterval(() => socket.writable && socket.write('X-a: b\r\n'), 300);
      resolve({ socket, closedAfterMs });
    });
    socket.once('error', reject);
  });
}

describe('slowloris', () => {
  it('keeps answering normal requests while 200 sockets stall, and closes them within the header timeout', async () => {
    const t = await startTestServer({ headersTimeoutMs: HEADERS_TIMEOUT_MS });
    const slow = await Promise.all(Array.from({ length: 200 }, (_, i) => slowSocket(t.url, i % 2 === 0)));
    try {
      const started = performance.now();
      for (let i = 0; i < 5; i++) {
        const list = await fetch(`${t.url}/api/personas`);
        expect(list.status).toBe(200);
        await list.arrayBuffer();
        const chat = await postJson(`${t.url}/v1/chat/completions`, {
          model: 'cfo',
          messages: [{ role: 'user', content: `still there? ${i}` }],
        });
        expect(chat.status).toBe(200);
        await chat.arrayBuffer();
      }
      expect(performance.now() - started).toBeLessThan(HEADERS_TIMEOUT_MS * 2);
      const closed = await Promise.all(slow.map((s) => s.closedAfterMs));
      expect(Math.max(...closed)).toBeLessThan(HEADERS_TIMEOUT_MS + CLOSE_SLACK_MS);
      expect(Math.min(...closed)).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    } finally {
      for (const s of slow) s.socket.destroy();
    }
  }, 20_000);

  it('refuses connections beyond the cap at once instead of queueing them', async () => {
    const t = await startTestServer({ maxConnections: 20, headersTimeoutMs: HEADERS_TIMEOUT_MS });
    const slow = await Promise.all(Array.from({ length: 20 }, () => slowSocket(t.url, false)));
    try {
      const extra = await slowSocket(t.url, false);
      expect(await extra.closedAfterMs).toBeLessThan(500);
    } finally {
      for (const s of slow) s.socket.destroy();
    }
    // Once the stalled sockets are gone the server serves again.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`${t.url}/api/personas`)).status).toBe(200);
  });
});
