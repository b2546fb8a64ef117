import type { Command } from 'commander';
import { modelOptions } from '../model-options.js';
import { lazy } from './lazy.js';

/** `persona serve`: the chat API over HTTP. Definitions only; the server loads when the command runs. */
export function register(program: Command): void {
  modelOptions(
    program
      .command('serve')
      .description(
        'serve the personas over HTTP: a chat API with streaming (SSE and WebSocket) and the OpenAI chat completions and Responses APIs',
      )
      .option('--host <address>', 'address to bind; anything but loopback needs a token', '127.0.0.1')
      .option('--port <n>', 'port (0 picks a free one; the URL is printed on stdout)', '8787')
      .option('--token <secret>', 'require `Authorization: Bearer <secret>` (also PERSONA_SERVER_TOKEN or config server.token)')
      .option(
        '--cors <origin>',
        'let web pages from this origin call the API (repeatable; also config server.corsOrigins); none by default',
        (origin: string, all: string[] = []) => [...all, origin],
      )
      .option(
        '--grace <seconds>',
        'on SIGTERM/SIGINT, how long replies in progress may finish before they are cut (saved as interrupted)',
        '10',
      )
      .option('--quiet', 'no request log on stderr'),
  )
    .addHelpText(
      'after',
      `
Endpoints: GET /api/personas, GET /api/personas/:id, POST /api/personas/:id/chat {message, sessionId?}
(Accept: text/event-stream streams it), WebSocket /chat (send_message in, message events out),
GET /api/sessions?personaId=, GET /api/sessions/:id, GET /api/sessions/:id/export?format=md|json|html|txt,
GET /v1/models, GET /v1/models/:id, POST /v1/chat/completions, POST /v1/responses
(model = persona id, or persona@provider/model). Several users: server.users {userId: token} in config.json.

Examples:
  persona serve                                   # http://127.0.0.1:8787, this machine only
  persona serve --port 0 --quiet                  # a free port; the URL alone on stdout
  persona serve --cors http://localhost:5173      # a local web app may call it from the browser
  persona serve --host 0.0.0.0 --token "$(openssl rand -hex 24)"   # other machines, with a token`,
    )
    .action(lazy(() => import('../commands/serve.js')));
}
