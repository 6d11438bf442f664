/**
 * `npm run bench:profile -- <file.cpuprofile | folder>`: the top frames of a V8 CPU profile (as
 * `node --cpu-prof` writes it, e.g. under `npm run bench:http -- --cpu-prof DIR`), by self time, and
 * the same grouped by package, so the cost of our code and of each dependency reads at a glance.
 * Options: --top N (frames listed, 25 by default), --inclusive (also list frames by inclusive time:
 * their own time plus that of everything they call, each sample counted once per frame).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values: options, positionals } = parseArgs({ options: { top: { type: 'string', default: '25' }, inclusive: { type: 'boolean', default: false } }, allowPositionals: true });
const target = positionals[0];
if (!target) {
  console.error('usage: npm run bench:profile -- <file.cpuprofile | folder> [--top N]');
  process.exit(2);
}
/** The newest .cpuprofile of a folder, or the file itself. */
const file = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((name) => name.endsWith('.cpuprofile'))
      .map((name) => join(target, name))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
  : target;
if (!file) throw new Error(`no .cpuprofile in ${target}`);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map<number, number>();
profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
const total = [...selfMs.values()].reduce((sum, value) => sum + value, 0);
const idle = new Set(['(idle)', '(program)', '(garbage collector)']);

/**
 * The modules of an esbuild bundle by line: esbuild writes `// path/of/module.js` on its own line
 * before each module it inlines, so a frame's line in `dist/index.js` says which source module (ours
 * under `src/`, or a package under `node_modules/`) it comes from. Read once per bundle file.
 */
const bundleModules = new Map<string, { line: number; module: string }[]>();
function bundleModuleAt(url: string, lineNumber: number): string | undefined {
  if (!url.startsWith('file://') || !/\/dist\//.test(url)) return undefined;
  let starts = bundleModules.get(url);
  if (!starts) {
    starts = [];
    try {
      readFileSync(new URL(url), 'utf8')
        .split('\n')
        .forEach((text, line) => {
          const marker = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(text);
          if (marker) starts!.push({ line, module: marker[1]! });
        });
    } catch {
      // The bundle was rebuilt or removed since the profile: fall back to « our code (dist) ».
    }
    bundleModules.set(url, starts);
  }
  let found: string | undefined;
  for (const start of starts) {
    if (start.line > lineNumber) break;
    found = start.module;
  }
  return found;
}

/** Where a frame comes from: one of our modules, a package, Node itself, or V8. */
function origin(url: string, lineNumber = 0): string {
  if (url === '') return '(native)';
  const module = bundleModuleAt(url, lineNumber) ?? url;
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (packageMatch) return packageMatch[1]!;
  if (module.startsWith('node:')) return 'node';
  if (module.startsWith('src/')) return `our code: ${module.replace(/^src\//, '').replace(/\/[^/]+$/, '')}`;
  if (/\/dist\//.test(module)) return 'our code (dist)';
  return module;
}

/** A frame's name as listed: function, origin and line. */
function frameName({ functionName, url, lineNumber }: ProfileNode['callFrame']): string {
  return idle.has(functionName) ? functionName : `${functionName || '(anonymous)'}  ${origin(url, lineNumber)}${url ? `:${lineNumber + 1}` : ''}`;
}

const frames = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const { functionName, url } = byId.get(id)!.callFrame;
  const name = frameName(byId.get(id)!.callFrame);
  frames.set(name, (frames.get(name) ?? 0) + ms);
  const group = idle.has(functionName) ? functionName : origin(url, byId.get(id)!.callFrame.lineNumber);
  packages.set(group, (packages.get(group) ?? 0) + ms);
}
const busy = total - (frames.get('(idle)') ?? 0);
const percent = (ms: number) => `${((ms / busy) * 100).toFixed(1).padStart(5)} %`;
const top = Number(options.top);

console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy (shares below are of busy time)\n`);
console.log('Top frames by self time');
for (const [name, ms] of [...frames].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`  ${percent(ms)}  ${name}`);
}
console.log('\nBy origin');
for (const [name, ms] of [...packages].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`  ${percent(ms)}  ${name}`);
}

if (options.inclusive) {
  // Each sample's time goes to every distinct frame on its stack (a recursive frame counts once).
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const name = frameName(byId.get(node)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }
  console.log('\nTop frames by inclusive time');
  for (const [name, ms] of [...inclusive].filter(([name]) => name !== '(root)').sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${percent(ms)}  ${name}`);
  }
}
