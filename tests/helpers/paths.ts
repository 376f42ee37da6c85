import {fileURLToPath} from 'node:url';

/** The built program every real-terminal test runs. */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
/** The essay shipped with the package. */
export const ESSAY = fileURLToPath(new URL('../../content/hiring-mle-at-early-stage-companies.md', import.meta.url));
/** Test fixtures. */
export const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
/** Where the bundled essay was first published, as src/cli.tsx says. */
export const BUNDLED_SOURCE = {url: 'https://jxnl.co/writing/2024/04/08/hiring-mle-at-early-stage-companies/', licence: 'MIT'} as const;
