export * from './subsidy-ledger.ts';
