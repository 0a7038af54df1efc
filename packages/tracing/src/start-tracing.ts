import type { ClientInterceptors } from '@temporalio/client';
import type { WorkerPlugin } from '@temporalio/worker';
import { readTracingConfig } from './tracing-config.ts';

/** What a process wires in: Temporal's interceptors, and a flush before it exits. */
export type Tracing = {
  enabled: boolean;
  /** For every Temporal client: a span per workflow start, signal, update, its context in the headers. */
  clientInterceptors: ClientInterceptors;
  /** For `Worker.create`: workflow and activity spans, continuing the caller's trace. */
  workerPlugins: WorkerPlugin[];
  /** Sends the spans still buffered; call before the process exits. */
  shutdown: () => Promise<void>;
};

const OFF: Tracing = { enabled: false, clientInterceptors: {}, workerPlugins: [], shutdown: async () => {} };

/**
 * Starts OpenTelemetry tracing when an OTLP endpoint is configured, else returns {@link OFF}: then
 * not even the SDK is loaded, and every span the code asks `@opentelemetry/api` for is a no-op.
 * Registers the global tracer provider, the async-local context manager and the W3C
 * `traceparent` propagator; spans are batched and sent over OTLP/HTTP.
 */
export async function startTracing(
  defaultServiceName: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Tracing> {
  const config = readTracingConfig(env, defaultServiceName);
  if (!config) return OFF;
  const [{ NodeTracerProvider }, { BatchSpanProcessor }, { Resource }, { OTLPTraceExporter }, temporal] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@temporalio/interceptors-opentelemetry'),
    ]);
  const resource = new Resource({ 'service.name': config.serviceName });
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracesUrl }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  return {
    enabled: true,
    clientInterceptors: { workflow: [new temporal.OpenTelemetryWorkflowClientInterceptor()] },
    // Workflow code runs in Temporal's sandbox: its spans reach this processor through a sink.
    workerPlugins: [new temporal.OpenTelemetryPlugin({ resource, spanProcessor })],
    shutdown: () => provider.shutdown(),
  };
}
