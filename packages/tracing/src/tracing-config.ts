type Env = Record<string, string | undefined>;

/** Where spans go and under which service name; absent (`null`) when tracing is off. */
export type TracingConfig = { tracesUrl: string; serviceName: string };

/**
 * Reads the standard OpenTelemetry variables: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (the full URL)
 * or `OTEL_EXPORTER_OTLP_ENDPOINT` (a base URL; `/v1/traces` is appended), `OTEL_SERVICE_NAME`,
 * `OTEL_SDK_DISABLED`. Without an endpoint tracing stays off. The sampler
 * (`OTEL_TRACES_SAMPLER(_ARG)`), headers and batch delays are read by the SDK itself.
 */
export function readTracingConfig(env: Env, defaultServiceName: string): TracingConfig | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return null;
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const [name, url] = traces
    ? ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', traces]
    : base
      ? ['OTEL_EXPORTER_OTLP_ENDPOINT', `${base.replace(/\/+$/, '')}/v1/traces`]
      : [null, null];
  if (!name || !url) return null;
  const parsed = URL.parse(url);
  if (!parsed || !/^https?:$/.test(parsed.protocol)) {
    throw new Error(`${name} must be an http(s) URL of an OTLP/HTTP receiver (got '${traces ?? base}')`);
  }
  return { tracesUrl: parsed.href, serviceName: env.OTEL_SERVICE_NAME?.trim() || defaultServiceName };
}
