import { ensurePipTool } from '@linju/infra-schemathesis';

/** Pinned: it ships the Kubernetes JSON schemas, so nothing is fetched when it validates. */
export const KUBERNETES_VALIDATE_VERSION = '1.37.0';

/** The `kubernetes-validate` command, installed once from PyPI into `~/.cache/linju/`. */
export const ensureKubernetesValidate = (progress: (message: string) => void = () => {}): string =>
  ensurePipTool(
    {
      name: 'kubernetes-validate',
      version: KUBERNETES_VALIDATE_VERSION,
      command: 'kubernetes-validate',
      purpose: 'the Helm chart’s test (Kubernetes schemas)',
    },
    progress,
  );
