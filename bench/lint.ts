// bench/lint: the doctrine linter's precision and recall per rule over the evaluation set
// (test/linter/evaluation.ts), then its time on a 2,000-character message against the time of
// tokenizing the same text alone (Intl.Segmenter words + sentences), in the same run. Prints
// p99 over alternating rounds; the last line: lint ratio (p99 lint / p99 tokenize, target ≤ 4),
// absolute p99 (target 20 ms), worst precision and recall (target 0.9).
import { lint, ruleIds, type LintInput } from '../src/domain/linter/index.ts';
import { evaluationSet } from '../test/linter/evaluation.ts';

const runs = Number(process.env.BENCH_RUNS) || 500;
const ratioTarget = 4;
const p99TargetMs = 20;
const qualityTarget = 0.9;

// ——— precision and recall ———
const counts = new Map(ruleIds.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
for (const c of evaluationSet) {
  const raised = new Set(lint(c.input).map((f) => f.rule));
  for (const id of ruleIds) {
    const count = counts.get(id)!;
    const expected = c.must.includes(id);
    const tolerated = c.may !== undefined && id in c.may;
    if (expected && raised.has(id)) count.tp++;
    else if (expected) count.fn++;
    else if (raised.has(id) && !tolerated) count.fp++;
  }
}
const ratio = (a: number, b: number) => (a + b === 0 ? 1 : a / (a + b));
console.log(`evaluation set: ${evaluationSet.length} messages (${evaluationSet.filter((c) => c.input.language === 'fr').length} fr, ${evaluationSet.filter((c) => c.input.language === 'en').length} en)`);
console.log(`${'rule'.padEnd(28)} ${'tp'.padStart(3)} ${'fp'.padStart(3)} ${'fn'.padStart(3)} precision recall`);
let minPrecision = 1;
let minRecall = 1;
for (const [id, { tp, fp, fn }] of counts) {
  const precision = ratio(tp, fp);
  const recall = ratio(tp, fn);
  minPrecision = Math.min(minPrecision, precision);
  minRecall = Math.min(minRecall, recall);
  console.log(`${id.padEnd(28)} ${String(tp).padStart(3)} ${String(fp).padStart(3)} ${String(fn).padStart(3)} ${precision.toFixed(2).padStart(9)} ${recall.toFixed(2).padStart(6)}`);
}

// ——— time on a 2,000-character message ———
const paragraph =
  'Depuis 15 h 10, le paiement par carte est refusé dans nos magasins et sur notre site pour une partie de nos clients. ' +
  'Les paiements en espèces et par virement fonctionnent. Nos équipes analysent la cause avec notre prestataire de paiement ; ' +
  'une piste est à l’étude, rien n’est confirmé à ce stade. Nous vous présentons nos excuses pour la gêne occasionnée. ';
const text = `${paragraph.repeat(Math.ceil(2000 / paragraph.length)).slice(0, 1978)} Prochain point à 16 h 30.`;
const input: LintInput = {
  text,
  language: 'fr',
  stage: 'update',
  audience: 'customers',
  channel: 'email',
  subject: 'Paiement par carte : point de situation',
  facts: {
    incidentOpen: true,
    personalDataBreach: false,
    figures: { affectedPeople: 40000 },
    startedAt: '2026-03-10T14:10:00Z',
    timeZone: 'Europe/Paris',
    status: 'identified',
    affectedComponents: ['Paiement par carte'],
    unconfirmed: ['attaque DDoS'],
    keyMessages: [{ text: 'Les paiements en espèces et par virement fonctionnent.', language: 'fr' }],
  },
  siblings: [{ text: 'Since 3:10 pm, card payments have been declined for some of our customers. Next update at 4:30 pm.', language: 'en', audience: 'customers', channel: 'email' }],
  glossary: [{ term: 'prestataire de paiement', plain: 'banque', language: 'fr' }],
  nextUpdateLabel: '16 h 30',
};
const words = new Intl.Segmenter('fr', { granularity: 'word' });
const sentences = new Intl.Segmenter('fr', { granularity: 'sentence' });
function tokenize(value: string): number {
  let n = 0;
  for (const segment of words.segment(value)) if (segment.isWordLike) n++;
  for (const _ of sentences.segment(value)) n++;
  return n;
}
function time(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}
const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.99) - 1)]!;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

for (let i = 0; i < 50; i++) {
  lint(input);
  tokenize(text);
}
// Alternating runs, so a busy moment of the machine weighs on both sides alike.
const lintMs: number[] = [];
const tokenizeMs: number[] = [];
for (let i = 0; i < runs; i++) {
  lintMs.push(time(() => lint(input)));
  tokenizeMs.push(time(() => tokenize(text)));
}
const findings = lint(input).length;
const lintP99 = p99(lintMs);
const tokenizeP99 = p99(tokenizeMs);
console.log(`timing: ${text.length} characters, ${runs} runs, ${findings} findings; lint p50=${median(lintMs).toFixed(2)} ms p99=${lintP99.toFixed(2)} ms; tokenize p50=${median(tokenizeMs).toFixed(2)} ms p99=${tokenizeP99.toFixed(2)} ms`);
console.log(
  `lint: ratio=${(lintP99 / tokenizeP99).toFixed(2)} target=${ratioTarget} p99_ms=${lintP99.toFixed(2)} p99_target_ms=${p99TargetMs} tokenize_p99_ms=${tokenizeP99.toFixed(2)} min_precision=${minPrecision.toFixed(2)} min_recall=${minRecall.toFixed(2)} quality_target=${qualityTarget} messages=${evaluationSet.length} chars=${text.length} runs=${runs}`,
);
