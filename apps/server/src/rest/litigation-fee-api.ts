import { litigationFee, ZLitigationFeeQuery } from '@linju/litigation-fee';
import { cacheableJson } from './cacheable-json.ts';
import { FEE_KINDS, type FeeParam, POSITIVE_YUAN, YUAN } from './litigation-fee-params.ts';
import { problem } from './problem.ts';

export const LITIGATION_FEE_PATH = '/api/v1/tools/litigation-fee';

const badRequest = (detail: string) => problem(400, 'Bad request', detail);

/** A parameter's value as the calculator takes it, or what is wrong with it. */
function readParam(param: FeeParam, raw: string): { value: unknown } | { wrong: string } {
  switch (param.takes) {
    case 'amount':
      return (param.positive ? POSITIVE_YUAN : YUAN).test(raw)
        ? { value: Number(raw) }
        : {
            wrong: `${param.name}: an amount in yuan${param.positive ? ' above 0' : ''}, at most two decimals and under 100000000000, e.g. 100000 or 12.50`,
          };
    case 'flag':
      return raw === 'true' || raw === 'false'
        ? { value: raw === 'true' }
        : { wrong: `${param.name}: true or false` };
    case 'choice':
      return param.choices.includes(raw)
        ? { value: raw }
        : { wrong: `${param.name}: one of ${param.choices.join(', ')}` };
  }
}

/**
 * `GET /api/v1/tools/litigation-fee?kind=property&amount=<yuan>`: the court fee per
 * 《诉讼费用交纳办法》 and its basis, `feeRange` too where the 办法 gives a range. Public and
 * cacheable: arithmetic over a regulation. Parameters a kind does not take are ignored.
 */
export function litigationFeeResponse(request: Request): Response {
  const params = new URL(request.url).searchParams;
  const kindParam = params.get('kind');
  const kind = FEE_KINDS.find((k) => k.kind === kindParam);
  if (!kind) return badRequest(`kind: one of ${FEE_KINDS.map((k) => k.kind).join(', ')}`);
  const query: Record<string, unknown> = { kind: kind.kind };
  for (const param of kind.params) {
    const raw = params.get(param.name);
    if (raw === null) {
      if (param.required) return badRequest(`${param.name}: required for kind ${kind.kind}`);
      continue;
    }
    const read = readParam(param, raw);
    if ('wrong' in read) return badRequest(read.wrong);
    query[param.name] = read.value;
  }
  // The parameters were read to the schema's own rules; this names a field should the two part.
  const parsed = ZLitigationFeeQuery.safeParse(query);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return badRequest(`${issue?.path.join('.') ?? 'kind'}: ${issue?.message ?? 'not a fee query'}`);
  }
  const { fee, feeRange, basis, basisEn } = litigationFee(parsed.data);
  return cacheableJson(request, { fee, ...(feeRange === undefined ? {} : { feeRange }), basis, basisEn });
}
