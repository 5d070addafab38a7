import { describe, expect, it } from 'vitest';
import type { UnitTestTree } from '@angular-devkit/schematics/testing/index.js';
import {
  contentsOf,
  useScaffoldedFiles,
} from '../schematics/utils/service-tree.js';
import { scopePrefix } from '../../schematics/migrate/plan/source-scope.js';
import { migrate } from './support/migrate-runner.js';

const service = useScaffoldedFiles();

/** The ids `shared(scope, '…')` and `parameter(this, '…')` put into the stack, in a file. */
const stackIds = (tree: UnitTestTree, path: string, call: string) =>
  [
    ...tree
      .readText(path)
      .matchAll(new RegExp(`${call}\\((?:scope|this), '([^']+)'`, 'g')),
  ].map((match) => match[1]);

describe('names by source', () => {
  it('keeps two SAM templates’ implicit ServerlessRestApis and parameters apart', async () => {
    const first = await migrate(service(), {
      source: 'two-apis/weather/template.yaml',
    });
    const both = await migrate(contentsOf(first), {
      source: 'two-apis/items/template.yaml',
    });

    expect(
      stackIds(both, '/infra/legacy/weather.resources.ts', 'shared'),
    ).toEqual(['WeatherServerlessRestApi']);
    expect(
      stackIds(both, '/infra/legacy/items.resources.ts', 'shared'),
    ).toEqual(['ItemsServerlessRestApi']);
    expect(
      stackIds(
        both,
        '/infra/functions/get-item-function.construct.ts',
        'parameter',
      ),
    ).toEqual(['ItemsStage']);
    // Each !If its own parameter, named by the variable it sets; the report says the same names.
    expect(
      stackIds(
        both,
        '/infra/functions/forecast-function.construct.ts',
        'parameter',
      ),
    ).toEqual(['WeatherStage', 'WeatherUNITSFnIf', 'WeatherLEVELFnIf']);
    const report = both.readText('/MIGRATION.md');
    expect(report).toContain(
      'became the CloudFormation parameter WeatherUNITSFnIf',
    );
    expect(report).toContain(
      'became the CloudFormation parameter WeatherLEVELFnIf',
    );
    expect(report).toContain(
      '- parameter Stage: is the CloudFormation parameter WeatherStage of the service stack',
    );
  });

  it('refuses sibling path variables in one REST API, which a deploy rejects', async () => {
    await expect(
      migrate(service(), { source: 'two-apis/clash/template.yaml' }),
    ).rejects.toThrow(
      /^two-apis\/clash\/template\.yaml: API Gateway rejects \{id\} and \{sku\} side by side under \/items of ServerlessRestApi \(GET \/items\/\{id\} \(GetItemFunction\); GET \/items\/\{sku\}\/stock \(GetBySkuFunction\)\); use one variable name for both routes in the source$/,
    );
  });

  it.each([
    ['sam', '/src/orders-api', 'orders-api/template.yaml', 'OrdersApi'],
    ['sam', '/src/orders-api', 'orders-api/admin.yml', 'OrdersApiAdmin'],
    ['serverless', '/work/2024', '2024/serverless.yml', 'P2024'],
    ['serverless', '/', 'serverless.yml', 'Legacy'],
    ['handler', '/src', 'src/app.js', ''],
  ] as const)('%s %s/%s → %s', (kind, dir, source, prefix) => {
    expect(scopePrefix(kind, dir, source)).toBe(prefix);
  });
});
