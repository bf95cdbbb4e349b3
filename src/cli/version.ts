declare const __RETRY_RUN_VERSION__: string | undefined;

/** Inlined by the build (no package.json read at start-up); `dev` when run from source. */
export const VERSION = typeof __RETRY_RUN_VERSION__ === 'string' ? __RETRY_RUN_VERSION__ : 'dev';
