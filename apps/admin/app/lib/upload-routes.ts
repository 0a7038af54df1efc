/**
 * The pages whose forms post files bigger than a form's usual body: the server reads their
 * multipart bodies as streams under the upload limit; every other form keeps the small limit.
 */
const UPLOAD_PATHS = [
  /^\/t\/[^/]+\/cases\/[0-9a-f-]{36}\/documents$/i, // a case's documents: attach one
  /^\/t\/[^/]+\/cases\/import$/, // a 12345 export
  /^\/t\/[^/]+\/providers$/, // a provider record's evidence
  /^\/t\/[^/]+\/assessments$/, // an assessment sheet
  /^\/t\/[^/]+\/statistics\/coverage$/, // the district's boundary (GeoJSON)
  /^\/t\/[^/]+\/referrals$/, // a partner's answer (inbox): the outcome's documents
  /^\/p\/[^/]+$/, // a partner's answer (one-time link): the outcome's documents
];

export const isUploadPath = (pathname: string) => UPLOAD_PATHS.some((path) => path.test(pathname));
