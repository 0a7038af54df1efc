/**
 * The flags `linju start` runs the server and the worker with (the benchmarks run them the same):
 * V8's young generation capped at 2 MB a half (its default grows to 16 MB). At rest the server then
 * holds ~100 MB less, the worker about the same (`npm run bench`, whole stack at rest: 1.16 GB →
 * 1.03–1.07 GB), and the worker's imports settle at ~240 MB instead of ~400 MB; the case page
 * rendered no slower with it (`bench-pages.ts`, same hour).
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];
