import type { PersonaAnswers } from '../../persona/author.js';
import { keepStylesWithoutColour, letInkRenderLive } from '../interactive-terminal.js';

/** Runs the Ink wizard; resolves with the answers, or null when the user cancels. */
export async function runPersonaWizard(base?: Record<string, unknown>): Promise<PersonaAnswers | null> {
  letInkRenderLive();
  keepStylesWithoutColour();
  const { mountWizard } = await import('./mount-wizard.js');
  return new Promise((resolve) => {
    let result: PersonaAnswers | null = null;
    const app = mountWizard(base, (answers) => {
      result = answers;
      app.unmount();
    });
    void app.waitUntilExit().then(() => resolve(result));
  });
}
