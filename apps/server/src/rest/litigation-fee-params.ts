import { type LitigationFeeKind, ZLitigationFeeQuery } from '@linju/litigation-fee';
import { z } from 'zod';

/**
 * The query string of `GET /api/v1/tools/litigation-fee`, read off `ZLitigationFeeQuery` (so a kind
 * added there is served and documented here): per kind, its parameters and what each takes.
 */
export type FeeParam = {
  readonly name: string;
  readonly required: boolean;
  /** `amount`: yuan as written in a query (`100000`, `12.50`); `flag`: `true`/`false`; `choice`: one of `choices`. */
  readonly takes: 'amount' | 'flag' | 'choice';
  /** An amount that must be above 0 (a claim); otherwise 0 is allowed (no property to divide). */
  readonly positive: boolean;
  readonly choices: readonly string[];
};

/** Yuan to the fen, at most 11 whole digits (under 1000亿): the calculator's range, as text. */
export const POSITIVE_YUAN = /^(?:[1-9][0-9]{0,10}(?:\.[0-9]{1,2})?|0\.(?:0[1-9]|[1-9][0-9]?))$/;
export const YUAN = /^(?:0|[1-9][0-9]{0,10})(?:\.[0-9]{1,2})?$/;

type PropertySchema = { type?: string; exclusiveMinimum?: number; enum?: string[] };

export const FEE_KINDS: readonly { kind: LitigationFeeKind; params: readonly FeeParam[] }[] =
  ZLitigationFeeQuery.options.map((option) => {
    const json = z.toJSONSchema(option, { io: 'input' }) as {
      properties: Record<string, PropertySchema>;
      required?: string[];
    };
    const params = Object.entries(json.properties)
      .filter(([name]) => name !== 'kind')
      .map(([name, schema]) => ({
        name,
        required: json.required?.includes(name) ?? false,
        takes:
          schema.type === 'number'
            ? ('amount' as const)
            : schema.type === 'boolean'
              ? ('flag' as const)
              : ('choice' as const),
        positive: schema.exclusiveMinimum === 0,
        choices: schema.enum ?? [],
      }));
    return { kind: option.shape.kind.value, params };
  });
