import type { TestProject } from 'vitest/node';
import { LocalRegistry } from '../../../scripts/local-registry/local-registry.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** npm and CLI environment that installs from the local registry. */
    registryEnv: Record<string, string>;
  }
}

/**
 * The end-to-end tests' registry: verdaccio on 127.0.0.1 with this checkout's packages published
 * (`npm run build` first), so generated services install them as users do, by version.
 */
export default async function setup(project: TestProject) {
  const registry = await LocalRegistry.start();
  try {
    registry.publishFamily();
  } catch (error) {
    await registry.stop();
    throw error;
  }
  project.provide(
    'registryEnv',
    Object.fromEntries(
      Object.entries(registry.env()).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    ),
  );
  console.log(`e2e: local registry at ${registry.url}, family published`);
  return () => registry.stop();
}
