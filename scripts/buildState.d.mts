/** Types of buildState.mjs, for the tests. */
export function newestSource(folder: string, extension?: string): number;
export function refreshYamlData(root: string, stdio: unknown, beforeBuilding?: () => void): void;
export function isStale(output: string, inputs: readonly string[]): boolean;
export const BUNDLE_BANNER: string;
