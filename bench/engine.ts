/**
 * `npm run bench`: engine cost, in process.
 * - load + index time of the knowledge folder;
 * - per-question latency (p50, p99) over the labelled questions;
 * - the same with 100 generated articles beside the shared one, to show how cost grows with knowledge;
 * - heap and RSS after loading.
 * Figures are printed, not asserted: timing belongs in benchmarks, not in tests.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { loadEngine, MAX_QUESTION_LENGTH, type Engine } from '../src/answers/engine.js';
import { emptyContext, type ConversationContext } from '../src/understanding/context.js';
import { readYamlFile } from '../src/text/readYamlFile.js';
import { warmUpFrenchDictionary } from '../src/understanding/frenchDictionary.js';
import { DEFAULT_DIALOGS_DIR, DEFAULT_KNOWLEDGE_DIR, PROJECT_ROOT } from '../src/projectRoot.js';

const SHARED_ARTICLE = join(DEFAULT_KNOWLEDGE_DIR, 'differences-chef-de-produit-digital-marketing.txt');
const ROUNDS = 20;
const WARM_UP_ROUNDS = 20;
const LOAD_RUNS = 10;

/** Every question of the shared set, as conversations (follow-ups keep their context). */
function questions(): string[][] {
  const schema = z.object({ cases: z.array(z.object({ q: z.string().optional(), turns: z.array(z.object({ q: z.string() })).optional() }).passthrough()) }).passthrough();
  const { cases } = readYamlFile(join(PROJECT_ROOT, 'test/eval/tuning/shared-article.yaml'), schema);
  return cases.map((entry) => (entry.turns ? entry.turns.map((turn) => turn.q) : [entry.q ?? '']));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(3)} ms`;

/** CPU time of this process in milliseconds: unlike wall time, not inflated when other jobs share the cores. */
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function timeLoad(folder: string): Promise<{ engine: Engine; median: number; cpu: number }> {
  const times: number[] = [];
  const cpu: number[] = [];
  let engine: Engine | undefined;
  for (let run = 0; run < LOAD_RUNS; run += 1) {
    const start = performance.now();
    const cpuStart = cpuNow();
    engine = await loadEngine({ knowledgeDir: folder, dialogsDir: DEFAULT_DIALOGS_DIR });
    times.push(performance.now() - start);
    cpu.push(cpuNow() - cpuStart);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { engine: engine!, median: percentile(times, 50), cpu: percentile(cpu, 50) };
}

interface QuestionTimes {
  p50: number;
  p99: number;
  max: number;
  cpuP50: number;
  cpuP99: number;
  /** Each question's best time over the rounds, then p50 and p99 over questions: what the code costs when nothing else runs. */
  bestP50: number;
  bestP99: number;
  count: number;
  perSecond: number;
  cold: number;
}

function timeQuestions(engine: Engine, conversations: string[][]): QuestionTimes {
  // The first round is timed apart: it includes JIT warm-up and the first (uncached) typo corrections.
  const coldStart = performance.now();
  for (const turns of conversations) {
    let context: ConversationContext = emptyContext();
    for (const question of turns) context = engine.answer(question, context).context;
  }
  const cold = (performance.now() - coldStart) / conversations.flat().length;
  // Twenty more untimed rounds (the JIT settles), then a full collection when the bench runs with --expose-gc: the garbage of
  // the ten timed loads and of the French word list is not charged to the questions timed next.
  for (let round = 0; round < WARM_UP_ROUNDS; round += 1) {
    for (const turns of conversations) {
      let context: ConversationContext = emptyContext();
      for (const question of turns) context = engine.answer(question, context).context;
    }
  }
  (globalThis as { gc?: () => void }).gc?.();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const best: number[] = conversations.flat().map(() => Infinity);
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round += 1) {
    let position = 0;
    for (const turns of conversations) {
      let context: ConversationContext = emptyContext();
      for (const question of turns) {
        const cpuStart = cpuNow();
        const start = performance.now();
        context = engine.answer(question, context).context;
        const time = performance.now() - start;
        times.push(time);
        cpuTimes.push(cpuNow() - cpuStart);
        best[position] = Math.min(best[position]!, time);
        position += 1;
      }
    }
  }
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  best.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times.at(-1)!,
    cpuP50: percentile(cpuTimes, 50),
    cpuP99: percentile(cpuTimes, 99),
    bestP50: percentile(best, 50),
    bestP99: percentile(best, 99),
    count: times.length,
    perSecond: (times.length / elapsed) * 1000,
    cold,
  };
}

const POOL = {
  roles: ['Analyste', 'Consultant', 'Responsable', 'Chargé', 'Gestionnaire', 'Coordinateur', 'Technicien', 'Spécialiste', 'Directeur', 'Assistant'],
  domains: ['logistique', 'achats', 'qualité', 'paie', 'formation', 'sécurité', 'juridique', 'trésorerie', 'export', 'maintenance', 'support', 'partenariats', 'innovation', 'conformité', 'immobilier'],
  headings: ['Missions principales', 'Compétences attendues', 'Outils du quotidien', 'Indicateurs de performance', 'Parcours et diplômes', 'Relations de travail', 'Évolution possible'],
  verbs: ['Piloter', 'Suivre', 'Organiser', 'Contrôler', 'Négocier', 'Former', 'Analyser', 'Optimiser', 'Coordonner', 'Rédiger', 'Planifier', 'Auditer'],
  objects: ['les budgets', 'les fournisseurs', 'les stocks', 'les contrats', 'les équipes terrain', 'les audits', 'les tableaux de bord', 'les procédures', 'les délais', 'les risques', 'les plannings', 'les réclamations'],
};

/** A synthetic article of the same family, different roles and words, deterministic from `n`. */
function generatedArticle(n: number): string {
  const pick = <T>(list: T[], k: number) => list[(n * 7 + k * 13) % list.length]!;
  const roleA = `${pick(POOL.roles, 1)} ${pick(POOL.domains, 2)} ${n}`;
  const roleB = `${pick(POOL.roles, 3)} ${pick(POOL.domains, 5)} ${n + 1000}`;
  const lines = ['Comparaison', '', `Différences entre un ${roleA} et un ${roleB}`, '', `Le ${roleA} et le ${roleB} sont souvent confondus.`, '', '', 'Définition des métiers', ''];
  lines.push(`Le ${roleA} ${pick(POOL.verbs, 7).toLowerCase()} ${pick(POOL.objects, 8)}.`, '', `Le ${roleB} ${pick(POOL.verbs, 9).toLowerCase()} ${pick(POOL.objects, 10)}.`, '', '');
  POOL.headings.forEach((heading, h) => {
    lines.push(heading, '', 'Les deux métiers diffèrent sur ce point :', '');
    for (const [r, role] of [roleA, roleB].entries()) {
      lines.push(`  • ${heading} du ${role} :`, '');
      for (let i = 0; i < 4; i += 1) lines.push(`    • ${pick(POOL.verbs, h * 11 + i * 3 + r)} ${pick(POOL.objects, h * 5 + i + r * 2)} (${heading.toLowerCase()} ${i})`);
    }
    lines.push('');
  });
  lines.push('Conclusion', '', `Le ${roleA} et le ${roleB} sont complémentaires.`);
  return lines.join('\n');
}

const conversations = questions();
const dictionaryStart = performance.now();
warmUpFrenchDictionary();
const dictionaryTime = performance.now() - dictionaryStart;
console.log(`Engine benchmark — Node ${process.version}, ${conversations.flat().length} labelled questions × ${ROUNDS} rounds\n`);

const shared = await timeLoad(DEFAULT_KNOWLEDGE_DIR);
const sharedTimes = timeQuestions(shared.engine, conversations);
const memory = process.memoryUsage();
console.log('Shared article (1 article)');
console.log(`  load + index      ${ms(shared.median)} (median of ${LOAD_RUNS}; CPU ${ms(shared.cpu)}); the French word list loads once in the background: ${ms(dictionaryTime)}`);
console.log(`  first round       ${ms(sharedTimes.cold)} per question on average (cold: JIT, first typo corrections)`);
console.log(`  per question      p50 ${ms(sharedTimes.p50)}   p99 ${ms(sharedTimes.p99)}   max ${ms(sharedTimes.max)}   (${sharedTimes.count} answers, ${Math.round(sharedTimes.perSecond)} answers/s)`);
console.log(`  CPU per question  p50 ${ms(sharedTimes.cpuP50)}   p99 ${ms(sharedTimes.cpuP99)}   (this process's threads only: GC and JIT threads included)`);
console.log(`  best of ${ROUNDS} rounds  p50 ${ms(sharedTimes.bestP50)}   p99 ${ms(sharedTimes.bestP99)}   (each question's fastest answer: the code's own cost on a busy machine)`);
console.log(`  memory            heap ${(memory.heapUsed / 2 ** 20).toFixed(1)} MB   rss ${(memory.rss / 2 ** 20).toFixed(1)} MB`);

/**
 * The worst a question can cost: as long as a question may be (2,000 characters) and made of words
 * no article or dictionary knows, each one a typo lookup if nothing bounded them. Best of a few runs
 * of several such questions, against the labelled questions' best-of median.
 */
function worstCase(engine: Engine): { worst: number; median: number } {
  let seed = 17;
  const letter = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return String.fromCharCode(97 + (seed % 26));
  };
  const junk = () => {
    const parts: string[] = [];
    while (parts.join(' ').length < MAX_QUESTION_LENGTH - 12) parts.push(Array.from({ length: 5 + (parts.length % 6) }, letter).join(''));
    return parts.join(' ');
  };
  const questions = Array.from({ length: 8 }, junk);
  let worst = 0;
  for (const question of questions) {
    let best = Infinity;
    for (let round = 0; round < 3; round += 1) {
      const started = performance.now();
      engine.answer(question, emptyContext());
      best = Math.min(best, performance.now() - started);
    }
    worst = Math.max(worst, best);
  }
  return { worst, median: sharedTimes.bestP50 };
}
const worst = worstCase(shared.engine);
console.log(`  worst case        ${ms(worst.worst)} for ${MAX_QUESTION_LENGTH.toLocaleString('en')} characters of unknown words (best of 3 runs, worst of 8 questions): ${(worst.worst / worst.median).toFixed(1)} × the median question`);

const folder = mkdtempSync(join(tmpdir(), 'bench-knowledge-'));
try {
  copyFileSync(SHARED_ARTICLE, join(folder, 'differences-chef-de-produit-digital-marketing.txt'));
  for (let n = 0; n < 100; n += 1) writeFileSync(join(folder, `genere-${String(n).padStart(3, '0')}.txt`), generatedArticle(n));
  copyFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'lexique.yaml'), join(folder, 'lexique.yaml'));
  const many = await timeLoad(folder);
  const manyTimes = timeQuestions(many.engine, conversations);
  const after = process.memoryUsage();
  console.log('\nShared article + 100 generated articles (101 articles)');
  console.log(`  load + index      ${ms(many.median)} (median of ${LOAD_RUNS}; CPU ${ms(many.cpu)})`);
  console.log(`  first round       ${ms(manyTimes.cold)} per question on average`);
  console.log(`  per question      p50 ${ms(manyTimes.p50)}   p99 ${ms(manyTimes.p99)}   max ${ms(manyTimes.max)}   (${manyTimes.count} answers, ${Math.round(manyTimes.perSecond)} answers/s)`);
  console.log(`  CPU per question  p50 ${ms(manyTimes.cpuP50)}   p99 ${ms(manyTimes.cpuP99)}`);
  console.log(`  best of ${ROUNDS} rounds  p50 ${ms(manyTimes.bestP50)}   p99 ${ms(manyTimes.bestP99)}`);
  console.log(`  memory            heap ${(after.heapUsed / 2 ** 20).toFixed(1)} MB   rss ${(after.rss / 2 ** 20).toFixed(1)} MB`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
