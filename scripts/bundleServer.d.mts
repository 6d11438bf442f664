/** Types of bundleServer.mjs, for the tests. */
import type { BuildOptions } from 'esbuild';
export const bundleOptions: Readonly<BuildOptions>;
