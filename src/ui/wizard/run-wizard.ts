import type { PersonaAnswers } from '../../persona/author.js';

/** Runs the Ink wizard; resolves with the answers, or null when the user cancels. */
export async function runPersonaWizard(base?: Record<string, unknown>): Promise<PersonaAnswers | null> {
  const [{ render }, { createElement }, { PersonaWizard }] = await Promise.all([
    import('ink'),
    import('react'),
    import('./PersonaWizard.js'),
  ]);
  return new Promise((resolve) => {
    let result: PersonaAnswers | null = null;
    const app = render(
      createElement(PersonaWizard, {
        base,
        onDone: (answers: PersonaAnswers | null) => {
          result = answers;
          app.unmount();
        },
      }),
      { exitOnCtrlC: false },
    );
    void app.waitUntilExit().then(() => resolve(result));
  });
}
