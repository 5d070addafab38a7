import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const manifest = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { exports: Record<string, unknown> };

describe('the ./testing entry point', () => {
  it('is in the exports map', () => {
    expect(manifest.exports['./testing']).toEqual({
      types: './dist/testing/index.d.ts',
      default: './dist/testing/index.js',
    });
  });

  // The kit is dev-only: @nestjs/testing must never reach a function's bundle.
  it('is imported by no file outside src/testing/', () => {
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.startsWith('testing'))
      .filter((file) =>
        /'((\.\.?\/)+testing\/[^']*|@nestjs\/testing)'/.test(
          readFileSync(join(src, file), 'utf8'),
        ),
      );
    expect(files.map((file) => relative(src, join(src, file)))).toEqual([]);
  });
});
