import { describe, expect, it } from 'vitest';
import { addFunctionToStack } from '../../../schematics/utils/stack-functions.js';

const payments = {
  className: 'Payments',
  importPath: './functions/payments.construct.js',
};

// The stack as the scaffold renders it for one function.
const scaffolded = [
  "import { Stack, type StackProps } from 'aws-cdk-lib';",
  "import type { Construct } from 'constructs';",
  "import { ApiFunction } from './functions/api.construct.js';",
  '',
  '/** The whole service. */',
  'export class OrdersServiceStack extends Stack {',
  '  constructor(scope: Construct, id: string, props?: StackProps) {',
  '    super(scope, id, props);',
  '',
  "    new ApiFunction(this, 'Api');",
  '  }',
  '}',
  '',
].join('\n');

describe('addFunctionToStack', () => {
  it('imports the construct and instantiates it after the last function', () => {
    expect(addFunctionToStack(scaffolded, payments)).toEqual(
      [
        "import { Stack, type StackProps } from 'aws-cdk-lib';",
        "import type { Construct } from 'constructs';",
        "import { ApiFunction } from './functions/api.construct.js';",
        "import { PaymentsFunction } from './functions/payments.construct.js';",
        '',
        '/** The whole service. */',
        'export class OrdersServiceStack extends Stack {',
        '  constructor(scope: Construct, id: string, props?: StackProps) {',
        '    super(scope, id, props);',
        '',
        "    new ApiFunction(this, 'Api');",
        "    new PaymentsFunction(this, 'Payments');",
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('changes nothing the second time', () => {
    const once = addFunctionToStack(scaffolded, payments);
    expect(addFunctionToStack(once, payments)).toBe(once);
  });

  it('works on a stack edited by hand: other statements, comments, tabs, cdk.Stack, a props object', () => {
    const edited = [
      '// Our stack, with our own resources.',
      "import * as cdk from 'aws-cdk-lib';",
      "import { Bucket } from 'aws-cdk-lib/aws-s3';",
      "import { ApiFunction } from './functions/api.construct.js'; // HTTP",
      '',
      'const BUCKET = "assets"; // double quotes, our style',
      '',
      'export class Shared {}',
      '',
      'export class Service extends cdk.Stack {',
      '\treadonly bucket: Bucket;',
      '',
      '\tconstructor(scope: cdk.App, id: string) {',
      '\t\tsuper(scope, id, { description: "ours" });',
      '\t\tthis.bucket = new Bucket(this, BUCKET);',
      "\t\tconst api = new ApiFunction(this, 'Api'); // named, so not a bare statement",
      '\t\tthis.bucket.grantRead(api);',
      "\t\tnew cdk.CfnOutput(this, 'Bucket', { value: this.bucket.bucketName });",
      '\t}',
      '}',
      '',
    ].join('\n');
    const expected = edited
      .replace(
        '// HTTP\n',
        "// HTTP\nimport { PaymentsFunction } from './functions/payments.construct.js';\n",
      )
      .replace(
        'bucketName });\n',
        "bucketName });\n\t\tnew PaymentsFunction(this, 'Payments');\n",
      );
    expect(addFunctionToStack(edited, payments)).toEqual(expected);
  });

  it('skips the instance but adds the import when the user instantiates it in another form', () => {
    const source = scaffolded.replace(
      "    new ApiFunction(this, 'Api');",
      "    new ApiFunction(this, 'Api');\n    const payments = new PaymentsFunction(this, 'Pay', {});",
    );
    expect(addFunctionToStack(source, payments)).toEqual(
      source.replace(
        "api.construct.js';\n",
        "api.construct.js';\nimport { PaymentsFunction } from './functions/payments.construct.js';\n",
      ),
    );
  });

  it('keeps CRLF line endings', () => {
    const crlf = scaffolded.replaceAll('\n', '\r\n');
    expect(addFunctionToStack(crlf, payments)).toEqual(
      addFunctionToStack(scaffolded, payments).replaceAll('\n', '\r\n'),
    );
  });

  it('refuses a file with no stack class, in one line that names the fix', () => {
    expect(() =>
      addFunctionToStack('export class Service {}\n', payments),
    ).toThrow(
      'infra/service.stack.ts declares no class that extends Stack; add one, or add the construct to your stack by hand.',
    );
  });

  it('refuses a stack without a constructor', () => {
    expect(() =>
      addFunctionToStack(
        "import { Stack } from 'aws-cdk-lib';\nexport class S extends Stack {}\n",
        payments,
      ),
    ).toThrow(
      'S in infra/service.stack.ts has no constructor; add one that calls super(scope, id, props).',
    );
  });
});
