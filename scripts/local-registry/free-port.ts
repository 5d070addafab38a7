import { createServer } from 'node:net';

/**
 * A port of 127.0.0.1 that nothing listens on now: the OS picks it, we close and hand it over.
 * The local registry and the e2e tests' dev servers take theirs from here.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
