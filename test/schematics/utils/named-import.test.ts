import { describe, expect, it } from 'vitest';
import { addNamedImport } from '../../../schematics/utils/named-import.js';

describe('addNamedImport', () => {
  it('adds the import after the last one, keeping the rest byte for byte', () => {
    const source =
      "import { A } from './a.js';\nimport type { B } from './b.js'; // why\n\nexport const c = 1;\n";
    expect(addNamedImport(source, 'C', './c.js')).toEqual(
      "import { A } from './a.js';\nimport type { B } from './b.js'; // why\nimport { C } from './c.js';\n\nexport const c = 1;\n",
    );
  });

  it.each([
    ['a named import', "import { X } from './x.js';\n"],
    ['an aliased import', "import { Y as X } from './y.js';\n"],
    ['a default import', "import X from './x.js';\n"],
    ['a namespace import', "import * as X from './x.js';\n"],
    ['one of several', "import { A, X, Z } from './x.js';\n"],
  ])('adds nothing when the name is already bound by %s', (_what, source) => {
    expect(addNamedImport(source, 'X', './x.js')).toBe(source);
  });

  it('adds the name to an import from the same module, not a second line', () => {
    expect(
      addNamedImport(
        "import { Module } from '@nestjs/common';\nimport type { Type } from 'x';\n",
        'ValidationPipe',
        '@nestjs/common',
      ),
    ).toEqual(
      "import { Module, ValidationPipe } from '@nestjs/common';\nimport type { Type } from 'x';\n",
    );
    expect(addNamedImport("import type { A } from 'x';\n", 'B', 'x')).toEqual(
      "import type { A } from 'x';\nimport { B } from 'x';\n",
    );
  });

  it('opens a file without imports, after a shebang', () => {
    expect(addNamedImport('#!/usr/bin/env node\nrun();\n', 'X', 'x')).toEqual(
      "#!/usr/bin/env node\nimport { X } from 'x';\nrun();\n",
    );
    expect(addNamedImport('run();\n', 'X', 'x')).toEqual(
      "import { X } from 'x';\nrun();\n",
    );
  });
});
