import { describe, expect, it } from 'vitest';
import { readTracingConfig } from './tracing-config.ts';

describe('readTracingConfig', () => {
  it('is off without an OTLP endpoint, or when the SDK is disabled', () => {
    expect(readTracingConfig({}, 'linju-server')).toBeNull();
    expect(
      readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318', OTEL_SDK_DISABLED: 'true' }, 'x'),
    ).toBeNull();
  });

  it('sends to the base endpoint’s /v1/traces, or to the traces endpoint as given', () => {
    expect(readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318/' }, 'linju-worker')).toEqual({
      tracesUrl: 'http://otel:4318/v1/traces',
      serviceName: 'linju-worker',
    });
    expect(
      readTracingConfig(
        {
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318',
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://jaeger.sfj.example/otlp/v1/traces',
          OTEL_SERVICE_NAME: 'linju-server-a',
        },
        'linju-server',
      ),
    ).toEqual({ tracesUrl: 'https://jaeger.sfj.example/otlp/v1/traces', serviceName: 'linju-server-a' });
  });

  it('refuses an endpoint that is not an http(s) URL, naming the variable', () => {
    expect(() => readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'otel:4317' }, 'x')).toThrow(
      "OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL of an OTLP/HTTP receiver (got 'otel:4317')",
    );
  });
});
