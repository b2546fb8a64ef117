import type { Config } from '../../core/config.js';
import { ExitCode } from '../../core/errors.js';
import type { Persona } from '../../persona/schema.js';
import { resolveProviderSettings } from '../../providers/settings.js';
import type { HistoryStore } from '../../store/history-store.js';
import type { ModelFlags } from '../engine-setup.js';

const TITLE_CHARS = 120;

/**
 * One `ask` to several personas is one run: its sessions list, show and export as one entry
 * instead of N unrelated sessions.
 */
export async function recordAskRun(
  store: HistoryStore,
  personas: Persona[],
  message: string,
  flags: ModelFlags,
  config: Config,
): Promise<{ link(personaId: string, sessionId: string): Promise<void>; finish(exitCode: number | string | undefined): Promise<void> }> {
  const settings = resolveProviderSettings(flags, config);
  const oneLine = message.replace(/\s+/g, ' ').trim();
  const runs = store.runs();
  const run = await runs.createRun({
    kind: 'ask',
    title: oneLine.length > TITLE_CHARS ? `${oneLine.slice(0, TITLE_CHARS - 1)}…` : oneLine,
    spec: { message },
    personaIds: personas.map((p) => p.id),
    provider: settings.name,
    model: settings.model,
  });
  return {
    link: (personaId, sessionId) => runs.linkSession(run.id, sessionId, personaId),
    finish: (exitCode) =>
      runs.setRunStatus(
        run.id,
        exitCode === ExitCode.ok || exitCode === undefined ? 'complete' : exitCode === ExitCode.interrupted ? 'interrupted' : 'failed',
      ),
  };
}
