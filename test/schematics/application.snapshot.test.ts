import { describe, expect, it } from 'vitest';
import { collectionRunner } from '../support/schematics.js';

// The whole rendered project for the default options, one snapshot file per generated file, so
// every template change shows up as a reviewed diff of exactly the files it changes.
describe('application schematic snapshot (default options)', () => {
  it('renders the same project, file for file', async () => {
    const tree = await collectionRunner().runSchematic('application', {
      name: 'orders-service',
    });
    const files = tree.files
      .map((file) => file.replace('/orders-service/', ''))
      .sort();

    await expect(files.join('\n') + '\n').toMatchFileSnapshot(
      '__snapshots__/default/FILES.snap',
    );
    for (const file of files) {
      await expect(
        tree.readText(`/orders-service/${file}`),
      ).toMatchFileSnapshot(`__snapshots__/default/${file}.snap`);
    }
  });
});
