import { existsSync } from 'node:fs';
import { readConfig, type Config } from '../../core/config.js';
import { isUserError } from '../../core/errors.js';
import { homePaths } from '../../core/home.js';
import { loadPersonas } from '../../persona/loader.js';
import { probeProvider } from '../../providers/probe.js';
import { resolveProviderSettings } from '../../providers/settings.js';

// `persona doctor`, beyond voice: is the app itself ready? Settings, which model answers, the
// personas, the history database. Each finding says how to fix it. Reads only; creates nothing.

export interface Finding {
  ok: boolean;
  what: string;
  fix?: string;
  /** Present but not tried (nothing to probe, or the probe could not tell): shown as "not tested". */
  untested?: boolean;
}

export interface SetupCheck {
  ok: boolean;
  home: string;
  findings: Finding[];
  /** The settings, when they could be read (for the voice check). */
  config: Config | undefined;
}

function failure(error: unknown): { message: string; hint?: string } {
  if (isUserError(error)) return { message: error.message.split('\n')[0] ?? error.message, hint: error.hint };
  return { message: error instanceof Error ? error.message : String(error) };
}

export async function checkSetup(): Promise<SetupCheck> {
  const paths = homePaths();
  const findings: Finding[] = [];
  let config: Config | undefined;
  try {
    config = readConfig(paths.config);
    findings.push({ ok: true, what: existsSync(paths.config) ? `settings: ${paths.config}` : 'settings: none yet (defaults apply)' });
  } catch (error) {
    const { message, hint } = failure(error);
    findings.push({ ok: false, what: `settings: ${message}`, fix: hint ?? `fix or delete ${paths.config}` });
  }
  if (config) {
    try {
      const settings = resolveProviderSettings({}, config);
      const where = settings.baseUrl ? ` at ${new URL(settings.baseUrl).host}` : '';
      const label = `replies from: ${settings.name} · ${settings.model}${where}`;
      if (settings.name === 'offline') findings.push({ ok: true, what: `${label} (no key set: the built-in offline engine)` });
      else {
        // Settings that parse are not a server that answers: ask it.
        const probe = await probeProvider(settings);
        if (probe.status === 'ok') findings.push({ ok: true, what: `${label}: ${probe.detail}` });
        else if (probe.status === 'untested') findings.push({ ok: true, untested: true, what: `${label}: not tested (${probe.detail})` });
        else findings.push({ ok: false, what: `${label}: ${probe.detail}`, fix: probe.fix });
      }
    } catch (error) {
      const { message, hint } = failure(error);
      findings.push({ ok: false, what: `replies from: ${message}`, fix: hint });
    }
  }
  const personas = loadPersonas();
  findings.push({
    ok: personas.personas.length > 0,
    what: `personas: ${personas.personas.length} loaded${personas.failures.length ? `, ${personas.failures.length} file(s) skipped as invalid` : ''} (yours in ${paths.personas})`,
    fix: personas.failures.length
      ? 'persona personas validate shows what is wrong in each'
      : personas.personas.length
        ? undefined
        : 'persona personas new creates one',
  });
  const { configuredStore } = await import('../store-location.js');
  const store = configuredStore().spec;
  if (store.backend === 'postgres') {
    try {
      const { readStoreStatus } = await import('../../store/store-status.js');
      const status = await readStoreStatus(store);
      const pending = status.migrations.pending.length;
      findings.push({
        ok: status.migrations.unknown.length === 0,
        what: `history: ${status.location.where} (PostgreSQL, ${status.rows.sessions ?? 0} sessions${pending ? `, ${pending} migrations pending` : ''})`,
        fix: status.migrations.unknown.length ? 'upgrade persona-chat: the database was written by a newer version' : undefined,
      });
    } catch (error) {
      const { message, hint } = failure(error);
      findings.push({ ok: false, what: `history: ${message}`, fix: hint });
    }
  } else if (!existsSync(paths.database)) {
    findings.push({ ok: true, what: `history: ${paths.database} (created by the first chat)` });
  } else {
    try {
      const { openDatabase } = await import('../../store/database.js');
      const db = openDatabase(paths.database, { readonly: true });
      const { n } = db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number };
      db.close();
      findings.push({ ok: true, what: `history: ${paths.database} (${n} sessions)` });
    } catch (error) {
      const { message, hint } = failure(error);
      findings.push({ ok: false, what: `history: ${message}`, fix: hint });
    }
  }
  return { ok: findings.every((f) => f.ok), home: paths.home, findings, config };
}
