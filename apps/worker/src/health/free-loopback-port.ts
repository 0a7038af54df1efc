import { createServer } from 'node:net';

/**
 * A loopback port free right now, for the Temporal SDK runtime's own exporter: the runtime takes a
 * fixed bind address and cannot say which port `:0` gave it.
 */
export async function freeLoopbackPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
