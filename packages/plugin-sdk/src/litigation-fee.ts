// The court fee is a pure function plugins call directly (the assistant compares the ways to resolve a dispute).
export {
  type DisputeKind,
  type DisputeQuery,
  type FeeRange,
  type LitigationFee,
  type LitigationFeeKind,
  type LitigationFeeQuery,
  litigationFee,
  type ResolutionPath,
  resolutionPaths,
  ZDisputeQuery,
  ZLitigationFeeQuery,
} from '@linju/litigation-fee';
