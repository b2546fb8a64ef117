import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { postJson, startTestServer } from './helpers.js';
// Imported here, not inside the test: importing it registers the afterEach that stops the servers,
// and a hook registered while a test runs never fires, which left two servers running.
import { startServeProcess } from './serve-process.js';

// DNS rebinding and CORS: without a token only loopback Host values with the server's port are
// served; with one, any Host (behind a proxy). Web pages get CORS headers only for the origins
// the server was started with, and preflights are answered for them alone.

/** A request with headers fetch() will not let us forge (Host). */
function rawGet(url: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Host header (DNS rebinding)', () => {
  it('refuses a forged Host with 403 when there is no token, and serves loopback names with the port', async () => {
    const t = await startTestServer();
    const port = new URL(t.url).port;
    await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'a private question' });
    for (const host of [
      'attacker.example',
      `attacker.example:${port}`,
      'localhost',
      `localhost:${Number(port) + 1}`,
      `127.0.0.1.nip.io:${port}`,
    ]) {
      const forged = await rawGet(t.url, '/api/sessions', { host });
      expect(forged.status, host).toBe(403);
      expect(forged.body).not.toContain('a private question');
    }
    const chat = await rawGet(t.url, '/v1/models', { host: 'attacker.example' });
    expect(chat.status).toBe(403);
    expect(JSON.parse(chat.body).error.message).toMatch(/Host/);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await rawGet(t.url, '/api/sessions', { host })).status, host).toBe(200);
    }
  });

  it('accepts any Host when a token guards the server (a reverse proxy renames it)', async () => {
    const t = await startTestServer({ users: { alice: 'alice-token-0123456789' } });
    const proxied = await rawGet(t.url, '/api/sessions', { host: 'chat.example.org', authorization: 'Bearer alice-token-0123456789' });
    expect(proxied.status).toBe(200);
    expect((await rawGet(t.url, '/api/sessions', { host: 'chat.example.org' })).status).toBe(401);
  });
});

describe('CORS', () => {
  const page = 'http://localhost:5173';

  it('sends no CORS headers and refuses preflights by default', async () => {
    const t = await startTestServer();
    const preflight = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: { origin: page, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${t.url}/v1/models`, { headers: { origin: page } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers preflights and adds headers for an allowed origin only', async () => {
    const t = await startTestServer({ corsOrigins: [page] });
    const preflight = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: { origin: page, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(page);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type, authorization');
    const chat = await postJson(
      `${t.url}/v1/chat/completions`,
      { model: 'cfo', messages: [{ role: 'user', content: 'hi' }] },
      { origin: page },
    );
    expect(chat.status).toBe(200);
    expect(chat.headers.get('access-control-allow-origin')).toBe(page);
    const other = await fetch(`${t.url}/v1/models`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const otherPreflight = await fetch(`${t.url}/v1/models`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(otherPreflight.status).toBe(403);
  });
});

describe('persona serve --cors (built CLI)', () => {
  it('allows the origins given by flag and by config, and no others', async () => {
    const serve = await startServeProcess(['--cors', 'http://localhost:5173'], { server: { corsOrigins: ['https://ignored.example'] } });
    const preflight = (origin: string) =>
      fetch(`${serve.url}/v1/chat/completions`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await preflight('http://localhost:5173')).status).toBe(204);
    // The flag replaces the config's list, as every flag does.
    expect((await preflight('https://ignored.example')).status).toBe(403);
    const fromConfig = await startServeProcess([], { server: { corsOrigins: ['https://app.example'] } });
    const allowed = await fetch(`${fromConfig.url}/v1/models`, { headers: { origin: 'https://app.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
  }, 30_000);
});
