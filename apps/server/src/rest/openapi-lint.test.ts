import { join } from 'node:path';
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.ts';

/**
 * Linju's OpenAPI document (REST, the HSDS API, the referral exchange) through Redocly's linter with
 * its recommended rules: what a partner's tooling would complain about, we hear first. Warnings
 * the project accepts are listed, with the reason, in `apps/server/redocly.yaml`.
 */
describe('the OpenAPI document, linted', () => {
  it('has no error and no warning under the recommended rules', async () => {
    const config = await loadConfig({ configPath: join(import.meta.dirname, '..', '..', 'redocly.yaml') });
    const problems = await lintFromString({
      source: JSON.stringify(openApiDocument('https://linju.example.cn')),
      absoluteRef: 'openapi.json',
      config,
    });
    expect(
      problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`),
    ).toEqual([]);
  });
});
