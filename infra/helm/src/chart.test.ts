import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureHelm } from './ensure-helm.ts';
import { ensureKubernetesValidate } from './ensure-kubernetes-validate.ts';

/**
 * The chart in `infra/helm/linju`, checked without a cluster: `helm lint`, `helm template`, and every
 * rendered manifest against the Kubernetes API's JSON schemas (kubernetes-validate, strict: an
 * unknown field is an error), then what a bureau relies on: probes, the migrations hook, secrets as
 * files, autoscaling.
 */
const chart = join(import.meta.dirname, '..', 'linju');
const work = mkdtempSync(join(tmpdir(), 'linju-chart-'));
let helm = '';
let validate = '';
beforeAll(() => {
  helm = ensureHelm();
  validate = ensureKubernetesValidate();
}, 1_200_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const EXAMPLE = ['--set', 'secrets.existingSecret=linju-secrets'];
const EVERYTHING = [...EXAMPLE, '--set', 'ingress.enabled=true', '--set', 'worker.autoscaling.enabled=true'];

function run(command: string, args: string[], input = '') {
  const result = spawnSync(command, args, { encoding: 'utf8', input });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

type Manifest = {
  kind: string;
  apiVersion: string;
  metadata: { name: string; annotations?: Record<string, string> };
  // biome-ignore lint/suspicious/noExplicitAny: a rendered manifest is checked field by field below.
  spec: any;
  data?: Record<string, string>;
};

/** The rendered manifests as objects, parsed by the validator's own PyYAML (no YAML parser of ours). */
function render(args: string[]): Manifest[] {
  const rendered = run(helm, ['template', 'linju', chart, ...args]);
  expect(rendered).toMatchObject({ code: 0, err: '' });
  const python = join(dirname(validate), 'python');
  const parsed = run(
    python,
    ['-c', 'import sys, json, yaml; print(json.dumps([d for d in yaml.safe_load_all(sys.stdin) if d]))'],
    rendered.out,
  );
  expect(parsed.code).toBe(0);
  return JSON.parse(parsed.out) as Manifest[];
}

const find = (manifests: Manifest[], kind: string, name: string) => {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} rendered`);
  return found;
};

describe('the Helm chart', { timeout: 120_000 }, () => {
  it('passes helm lint, with a Secret of its own and with an existing one', () => {
    expect(run(helm, ['lint', chart, ...EXAMPLE])).toMatchObject({ code: 0 });
    const own = ['dataKey=a', 'nodeKey=x', 'databaseUrl=postgres://o', 'databaseAppUrl=postgres://a'];
    expect(run(helm, ['lint', chart, ...own.flatMap((v) => ['--set', `secrets.${v}`])])).toMatchObject({
      code: 0,
    });
  });

  it('renders manifests every one of which the Kubernetes schemas accept, strictly', () => {
    const file = join(work, 'rendered.yaml');
    const rendered = run(helm, ['template', 'linju', chart, ...EVERYTHING]);
    writeFileSync(file, rendered.out);
    const checked = run(validate, ['--strict', '--quiet', file]);
    expect(checked).toMatchObject({ code: 0, out: '' });
    expect(
      render(EVERYTHING)
        .map((m) => m.kind)
        .sort(),
    ).toEqual([
      'ConfigMap',
      'Deployment',
      'Deployment',
      'HorizontalPodAutoscaler',
      'HorizontalPodAutoscaler',
      'Ingress',
      'Job',
      'PodDisruptionBudget',
      'PodDisruptionBudget',
      'Service',
    ]);

    // The validator is not a rubber stamp: a field Kubernetes does not know fails it.
    writeFileSync(
      file,
      rendered.out.replace('automountServiceAccountToken: false', 'automountServiceAccountTokens: false'),
    );
    expect(run(validate, ['--strict', '--quiet', file]).code).not.toBe(0);
  });

  it('probes the server and the worker on their health endpoints, migrates in a hook, scales the server', () => {
    const manifests = render(EXAMPLE);
    const server = find(manifests, 'Deployment', 'linju-server').spec.template.spec.containers[0];
    expect(server.args).toEqual(['server']);
    expect(server.livenessProbe.httpGet.path).toBe('/api/v1/health/live');
    expect(server.readinessProbe.httpGet.path).toBe('/api/v1/health/ready');
    const worker = find(manifests, 'Deployment', 'linju-worker').spec.template.spec.containers[0];
    expect(worker.args).toEqual(['worker']);
    expect(worker.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'health' });
    expect(worker.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'health' });
    const settings = find(manifests, 'ConfigMap', 'linju-settings').data ?? {};
    expect(settings).toMatchObject({
      LINJU_ENV: 'production',
      LINJU_WORKER_HEALTH_HOST: '0.0.0.0',
      LINJU_WORKER_HEALTH_PORT: String(worker.ports[0].containerPort),
      LINJU_DATA_KEY_FILE: '/etc/linju/secrets/data-key',
      DATABASE_APP_URL_FILE: '/etc/linju/secrets/database-app-url',
      LINJU_METRICS_TOKEN_FILE: '/etc/linju/secrets/metrics-token',
    });

    const job = find(manifests, 'Job', 'linju-migrate');
    expect(job.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(job.spec.template.spec.containers[0].args).toEqual(['migrate']);
    // The owner's URL is a file of the migrations Job alone.
    expect(job.spec.template.spec.containers[0].env).toEqual([
      { name: 'DATABASE_URL_FILE', value: '/etc/linju/owner/database-url' },
    ]);
    expect(job.spec.template.spec.containers[0].volumeMounts).toContainEqual(
      expect.objectContaining({ name: 'owner-secrets', mountPath: '/etc/linju/owner' }),
    );
    expect(find(manifests, 'HorizontalPodAutoscaler', 'linju-server').apiVersion).toBe('autoscaling/v2');
    expect(find(manifests, 'PodDisruptionBudget', 'linju-worker').spec.minAvailable).toBe(1);

    // Secrets reach the pods as files only: never in the ConfigMap, never as environment values.
    const podSpecs = ['linju-server', 'linju-worker'].map(
      (name) => find(manifests, 'Deployment', name).spec.template.spec,
    );
    for (const spec of podSpecs) {
      const volumes = spec.volumes.map((v: { name: string }) => v.name);
      expect(volumes).toContain('secrets');
      expect(volumes).not.toContain('owner-secrets');
    }
    for (const pod of [server, worker]) {
      expect(pod.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      });
      expect(pod.volumeMounts).toContainEqual(
        expect.objectContaining({
          mountPath: '/var/lib/linju/federation/node-key.json',
          subPath: 'node-key.json',
        }),
      );
      expect(pod.volumeMounts).toContainEqual(
        expect.objectContaining({ name: 'secrets', mountPath: '/etc/linju/secrets', readOnly: true }),
      );
      expect(pod.env).toBeUndefined();
    }
    expect(JSON.stringify(settings)).not.toMatch(/postgres:/);
  });

  it('refuses values the schema does not allow, and a Secret without its keys, naming what is wrong', () => {
    const port = run(helm, ['template', 'linju', chart, ...EXAMPLE, '--set', 'server.port=web']);
    expect(port.code).not.toBe(0);
    expect(port.err).toContain("at '/server/port'");
    const typo = run(helm, ['template', 'linju', chart, ...EXAMPLE, '--set', 'server.replica=3']);
    expect(typo.code).not.toBe(0);
    expect(typo.err).toContain('replica');
    const bare = run(helm, ['template', 'linju', chart]);
    expect(bare.code).not.toBe(0);
    expect(bare.err).toContain('secrets.dataKey (or secrets.existingSecret) is required');
  });
});
