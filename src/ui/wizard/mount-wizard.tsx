import { render, type Instance } from 'ink';
import type { PersonaAnswers } from '../../persona/author.js';
import { PersonaWizard } from './PersonaWizard.js';

/** JSX here rather than createElement after a dynamic import: the bundle gives dynamic importers React's CommonJS exports only on `default`. */
export function mountWizard(base: Record<string, unknown> | undefined, onDone: (answers: PersonaAnswers | null) => void): Instance {
  return render(<PersonaWizard base={base} onDone={onDone} />, { exitOnCtrlC: false, patchConsole: false });
}
