import { describe, expect, it } from 'vitest';
import { TRIGGERS } from '../../schematics/utils/triggers.js';
import { scaffoldedFiles, type Files } from './utils/service-tree.js';

// The function specs a service gets build their events and contexts with the runtime's test kit,
// not with hand-edited copies of a sample payload.
describe('generated function specs use the test kit', () => {
  let files: Files;
  const specs = () =>
    Object.entries(files).filter(([path]) =>
      /^\/?test\/functions\/.*\.function\.spec\.ts$/.test(path),
    );

  it('for every trigger', { timeout: 120_000 }, async () => {
    files = await scaffoldedFiles(TRIGGERS.join(','));

    expect(specs()).toHaveLength(TRIGGERS.length);
    for (const [path, text] of specs()) {
      expect({
        path,
        kit: text.includes("from '@create-nest-lambda/runtime/testing'"),
      }).toEqual({
        path,
        kit: true,
      });
      expect(text, path).not.toContain('../support/lambda-context.js');
    }
  });

  it('with a factory of their trigger wherever the trigger has an event shape', () => {
    const factories =
      /\b(httpApiEvent|restApiEvent|functionUrlEvent|albEvent|sqsEvent|snsEvent|s3Event|eventBridgeEvent|scheduleEvent|dynamoDbStreamEvent|kinesisEvent)\(/;
    const without = specs()
      .filter(([, text]) => !factories.test(text))
      .map(([path]) => path);
    // Direct invocations take any JSON: there is no AWS shape to build.
    expect(without).toEqual([
      expect.stringMatching(/quote\.function\.spec\.ts$/),
    ]);
  });
});
