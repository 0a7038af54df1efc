import { ensureGoTool } from '@linju/infra-temporal';

/** Pinned: lint rules and rendering change between releases. */
export const HELM_VERSION = '4.3.2';

/** `helm` {@link HELM_VERSION}, built once from the Go module proxy into `~/.cache/linju/`. */
export const ensureHelm = (progress: (message: string) => void = () => {}): string =>
  ensureGoTool(
    {
      pkg: 'helm.sh/helm/v4/cmd/helm',
      version: HELM_VERSION,
      binary: 'helm',
      takes: '10 minutes',
      otherwise: `put a helm ${HELM_VERSION} binary in ~/.cache/linju/helm-${HELM_VERSION}/`,
    },
    progress,
  );
