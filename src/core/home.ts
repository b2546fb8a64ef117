import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The one folder that holds everything the app writes: config.json, personas/, persona.db, the
 * input history. `$PERSONA_HOME` wins (tests always set it); otherwise the platform's usual
 * place for application data.
 */
export function personaHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PERSONA_HOME) return env.PERSONA_HOME;
  const home = homedir();
  // Two platforms have their own place; every other one (Linux, the BSDs, …) follows XDG.
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'persona-chat');
  if (process.platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'persona-chat');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'persona-chat');
}

export const homePaths = (home: string = personaHome()) => ({
  home,
  config: join(home, 'config.json'),
  personas: join(home, 'personas'),
  database: join(home, 'persona.db'),
  inputHistory: join(home, 'input-history.json'),
  audio: join(home, 'audio'),
});
