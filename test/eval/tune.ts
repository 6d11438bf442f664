/**
 * `npm run tune`: fits the reading model's weights (src/understanding/readingModel.ts) on the tuning
 * sets — never the holdouts — with an averaged perceptron: for each question whose best-scored
 * candidate is wrong, the weights move towards the best right candidate's features and away from the
 * wrong one's. Every tuning set is read twice: against its own article and against the whole library.
 * Follow-up turns are read in the context the expected previous answer leaves (teacher forcing).
 * Prints the accuracy before and after, and the weight table to paste into readingModel.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { discussedAfter, emptyContext, type ConversationContext } from '../../src/understanding/context.js';
import { PROJECT_ROOT } from '../../src/projectRoot.js';
import { FEATURES, PENALTY_FEATURES, READING_WEIGHTS, scoreOf, type Feature, type FeatureVector } from '../../src/understanding/readingModel.js';
import { acceptableInLibrary, casesOf, engineFor, evalSets, LIBRARY, matches, otherNamesOf } from './evaluate.js';

interface Example {
  /** Candidate feature vectors, and whether each gives the expected answer. */
  candidates: { features: FeatureVector; right: boolean; label: string }[];
  question: string;
}

/** Tuning knobs. */
const TUNING = Object.freeze({
  epochs: 60,
  /** Step of each update: small, so hand-set weights are adjusted rather than replaced. */
  rate: 0.1,
  /** How much more a wrong confident answer (instead of "not covered") weighs in an update. */
  wrongAnswerCost: 2,
  /** Examples are shuffled with this seed so runs are repeatable. */
  seed: 7,
});

async function examples(): Promise<Example[]> {
  const collected: Example[] = [];
  for (const set of evalSets('tuning')) {
    const own = await engineFor(set.knowledge);
    const article = own.knowledge.articles.length === 1 ? own.knowledge.articles[0]!.id : undefined;
    for (const knowledge of [set.knowledge, LIBRARY]) {
      const engine = await engineFor(knowledge);
      const names = otherNamesOf(engine);
      for (const entry of casesOf(set)) {
        const turns = 'turns' in entry ? entry.turns : [{ q: entry.q, expect: entry.expect }];
        let context: ConversationContext = emptyContext();
        for (const [index, { q, expect }] of turns.entries()) {
          const library = knowledge === LIBRARY;
          const candidates = engine.candidates(q, context).map((candidate) => ({
            features: candidate.features,
            label: candidate.label,
            right:
              matches(expect, candidate.answer, library ? article : undefined, names) ||
              (library &&
                acceptableInLibrary(
                  expect,
                  { ...candidate.answer, roleNamed: (candidate.features.articleRoleNamed ?? 0) > 0, rolesOfSeveralArticles: (candidate.features.articlesRoleTie ?? 0) > 0 },
                  article,
                  index === 0,
                )),
          }));
          // Saying which subject the article lacks, or that another job is asked about, beats a bare "I don't know".
          if (candidates.some((candidate) => candidate.right && /^(?:topic|other-job):/.test(candidate.label))) {
            for (const candidate of candidates) if (candidate.label === 'abstain') candidate.right = false;
          }
          collected.push({ candidates, question: q });
          // The next turn is read after the answer that was expected.
          if (['list', 'comparison', 'overview'].includes(expect.kind)) {
            const next = expect.article ?? article ?? context.article;
            context = { article: next, section: expect.section ?? null, roles: expect.roles ?? [], discussed: discussedAfter(context, next, expect.roles ?? []), pendingQuestion: null };
          }
        }
      }
    }
  }
  return collected;
}

function best<T extends { features: FeatureVector }>(candidates: T[], weights: Record<Feature, number>): T | undefined {
  let top: T | undefined;
  let topScore = -Infinity;
  for (const candidate of candidates) {
    const score = scoreOf(candidate.features, weights);
    if (score > topScore) {
      top = candidate;
      topScore = score;
    }
  }
  return top;
}

function accuracy(all: Example[], weights: Record<Feature, number>): number {
  return all.filter((example) => best(example.candidates, weights)?.right === true).length / all.length;
}

/** A small deterministic shuffle (mulberry32). */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const all = await examples();
const learnable = all.filter((example) => example.candidates.some((candidate) => candidate.right));
// A feature added since the last tuning starts at 0.
const weights = Object.fromEntries(FEATURES.map((name) => [name, READING_WEIGHTS[name] ?? 0])) as Record<Feature, number>;
const sum = Object.fromEntries(FEATURES.map((name) => [name, 0])) as Record<Feature, number>;
let steps = 0;
console.log(`${all.length} questions read (${learnable.length} with a right candidate); accuracy with the current weights: ${(100 * accuracy(all, weights)).toFixed(1)} %`);
for (let epoch = 0; epoch < TUNING.epochs; epoch += 1) {
  for (const example of shuffled(learnable, TUNING.seed + epoch)) {
    const predicted = best(example.candidates, weights)!;
    if (!predicted.right) {
      const target = best(example.candidates.filter((candidate) => candidate.right), weights)!;
      // A confident answer where the bot should have said it does not know costs more than other mistakes.
      const cost = target.label === 'abstain' || target.label.startsWith('topic:') || target.label.startsWith('other-job:') ? TUNING.wrongAnswerCost : 1;
      for (const name of FEATURES) weights[name] += cost * TUNING.rate * ((target.features[name] ?? 0) - (predicted.features[name] ?? 0));
      for (const name of PENALTY_FEATURES) weights[name] = Math.min(0, weights[name]);
    }
    for (const name of FEATURES) sum[name] += weights[name];
    steps += 1;
  }
}
const averaged = Object.fromEntries(FEATURES.map((name) => [name, Number((sum[name] / steps).toFixed(2))])) as Record<Feature, number>;
console.log(`accuracy with the tuned weights: ${(100 * accuracy(all, averaged)).toFixed(1)} %\n`);
const table = ['export const READING_WEIGHTS: Readonly<Record<Feature, number>> = Object.freeze({', ...FEATURES.map((name) => `  ${name}: ${averaged[name]},`), '});'].join('\n');
console.log(table);
if (process.argv.includes('--write')) {
  // Replaces the table in readingModel.ts, leaving everything else as written.
  const file = resolve(PROJECT_ROOT, 'src/understanding/readingModel.ts');
  const source = readFileSync(file, 'utf8');
  writeFileSync(file, source.replace(/export const READING_WEIGHTS[\s\S]*?\n\}\);/, table));
  console.log(`\nwritten to ${file}`);
}
if (process.argv.includes('--misses')) {
  for (const example of all) {
    const top = best(example.candidates, averaged);
    if (top && !top.right) console.log(`MISS ${example.question}\n   got ${top.label}\n   want ${example.candidates.filter((candidate) => candidate.right).map((candidate) => candidate.label).join(' | ') || '(no candidate)'}`);
  }
}
