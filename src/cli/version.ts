declare const __PERSONA_VERSION__: string | undefined;

/** Set by the build from package.json; tests running the sources see the dev marker. */
export const VERSION: string = typeof __PERSONA_VERSION__ === 'string' ? __PERSONA_VERSION__ : '0.0.0-dev';
