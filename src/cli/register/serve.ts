import type { Command } from 'commander';
import { modelOptions } from '../model-options.js';
import { lazy } from './lazy.js';

/** `persona serve`: the chat API over HTTP. Definitions only; the server loads when the command runs. */
export function register(program: Command): void {
  modelOptions(
    program
      .command('serve')
      .description('serve the personas over HTTP: a chat API with streaming (SSE) and an OpenAI-compatible /v1/chat/completions')
      .option('--host <address>', 'address to bind; anything but loopback needs a token', '127.0.0.1')
      .option('--port <n>', 'port (0 picks a free one; the URL is printed on stdout)', '8787')
      .option('--token <secret>', 'require `Authorization: Bearer <secret>` (also PERSONA_SERVER_TOKEN or config server.token)')
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
(Accept: text/event-stream streams it), GET /api/sessions?personaId=, GET /api/sessions/:id,
GET /api/sessions/:id/export?format=md|json|html|txt, GET /v1/models, POST /v1/chat/completions
(model = persona id, or persona@provider/model). Several users: server.users {userId: token} in config.json.`,
    )
    .action(lazy(() => import('../commands/serve.js')));
}
