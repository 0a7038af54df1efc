import { describe, expect, it } from 'vitest';
import { definePlugin } from './define-plugin.ts';
import { PluginManifestError } from './plugin-manifest-error.ts';
import { exampleManifest } from './test-fixtures.ts';

function issuesOf(manifest: unknown) {
  try {
    definePlugin(manifest as ReturnType<typeof exampleManifest>);
  } catch (error) {
    if (!(error instanceof PluginManifestError)) throw error;
    return Object.fromEntries(error.issues.map((issue) => [issue.field, issue.message]));
  }
  return {};
}

const label = { 'zh-CN': '调解', en: 'Mediation' };

describe('extension points', () => {
  it('declare statistics counted under a measure, with a recount from the plugin tables', () => {
    const statistics = [
      { id: 'sessions', label, measure: 'mediation-session', recount: async () => [] },
      { id: 'agreements', label },
    ];
    expect(definePlugin({ ...exampleManifest(), statistics }).statistics).toEqual(statistics);
    expect(
      issuesOf({ ...exampleManifest(), statistics: [{ id: 'x', label, recount: async () => [] }] }),
    ).toEqual({
      'statistics.0.recount': 'recounts only a statistic with a measure',
    });
  });

  it('take at most one subsidy source', () => {
    const source = { paidIn: async () => [] };
    expect(definePlugin({ ...exampleManifest(), subsidySources: [source] }).subsidySources).toEqual([source]);
    expect(issuesOf({ ...exampleManifest(), subsidySources: [source, source] })).toEqual({
      subsidySources: "has one source at most: the ledger takes a plugin's subsidies under its id",
    });
  });

  it('list entry points once each, with their slogans in both languages and a position', () => {
    const entry = {
      id: 'dispute',
      slogan: { 'zh-CN': '纠纷隐忧来坐坐', en: 'A dispute brewing? Drop in' },
      position: 4,
    };
    expect(definePlugin({ ...exampleManifest(), entryPoints: [entry] }).entryPoints).toEqual([entry]);
    expect(
      issuesOf({ ...exampleManifest(), entryPoints: [entry, { ...entry, id: 'family', position: 0 }] }),
    ).toEqual({
      'entryPoints.1.position': 'Too small: expected number to be >=1',
    });
    expect(issuesOf({ ...exampleManifest(), entryPoints: [entry, entry] })).toEqual({
      'entryPoints.1.id': 'duplicates "dispute"',
    });
  });
});
