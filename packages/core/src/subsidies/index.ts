export * from './plugin-subsidy-sources.ts';
export * from './subsidy-ledger.ts';
