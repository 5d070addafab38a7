import { describe, expect, it } from 'vitest';
import { addVitestTestOption } from '../../../schematics/utils/vitest-config.js';

const timeout = { key: 'testTimeout', value: '30_000', comment: 'why' };

describe('addVitestTestOption', () => {
  it('adds the option after the last one, with its comment', () => {
    const source =
      "export default defineConfig({\n  test: {\n    globals: true,\n    include: ['**/*.spec.ts'], // ours\n  },\n});\n";
    expect(addVitestTestOption(source, timeout)).toEqual(
      "export default defineConfig({\n  test: {\n    globals: true,\n    include: ['**/*.spec.ts'], // ours\n    // why\n    testTimeout: 30_000,\n  },\n});\n",
    );
  });

  it('adds the comma a last option without one needs', () => {
    expect(
      addVitestTestOption(
        'defineConfig({ test: { globals: true } });',
        timeout,
      ),
    ).toEqual(
      'defineConfig({ test: { globals: true,\n// why\ntestTimeout: 30_000 } });',
    );
  });

  it('changes nothing when the option is set, or a second time', () => {
    const source =
      'export default defineConfig({\n  test: {\n    testTimeout: 1,\n  },\n});\n';
    expect(addVitestTestOption(source, timeout)).toBe(source);
  });

  it('returns undefined when there is no test object to add to', () => {
    expect(
      addVitestTestOption('export default defineConfig(base);\n', timeout),
    ).toBeUndefined();
    expect(
      addVitestTestOption(
        'export default defineConfig({ test: {} });\n',
        timeout,
      ),
    ).toBeUndefined();
  });
});
