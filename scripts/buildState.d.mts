/** Types of buildState.mjs, for the tests. */
export function newestSource(folder: string): number;
export function isStale(output: string, inputs: readonly string[]): boolean;
export const BUNDLE_BANNER: string;
