import { describe, expect, it } from 'vitest';
import {
  parseHandlerRef,
  resolveHandlerFile,
} from '../../schematics/migrate/sources/handler/handler-ref.js';

describe('parseHandlerRef', () => {
  it('reads our form, file#export', () => {
    expect(parseHandlerRef('src/orders/create.js#handler')).toEqual({
      file: 'src/orders/create.js',
      exportName: 'handler',
      extensionless: false,
    });
  });

  it('reads the Serverless/SAM form, file.export, taking the last dot of the base name', () => {
    expect(parseHandlerRef('functions/v1.2/orders.create')).toEqual({
      file: 'functions/v1.2/orders',
      exportName: 'create',
      extensionless: true,
    });
  });

  it('reads file.export whose file has dots', () => {
    expect(parseHandlerRef('src/app.lambda.handler')).toEqual({
      file: 'src/app.lambda',
      exportName: 'handler',
      extensionless: true,
    });
  });

  it.each([
    ['src/orders', 'names no export'],
    ['src/orders.', 'names no export'],
    ['src/orders.js#', 'is not valid'],
    ['#handler', 'is not valid'],
    ['src/orders.js#not-an-identifier', 'is not valid'],
  ])('refuses %s', (reference, message) => {
    expect(() => parseHandlerRef(reference)).toThrow(message);
  });
});

describe('resolveHandlerFile', () => {
  const files = new Set([
    '/repo/src/orders.js',
    '/repo/src/app.ts',
    '/repo/src/legacy.cjs',
  ]);
  const exists = (path: string) => files.has(path);

  it('tries every extension Lambda knows for file.export', () => {
    expect(
      resolveHandlerFile('src/app.lambdaHandler', '/repo', exists),
    ).toEqual({
      file: '/repo/src/app.ts',
      exportName: 'lambdaHandler',
    });
    expect(resolveHandlerFile('./src/legacy.main', '/repo', exists)).toEqual({
      file: '/repo/src/legacy.cjs',
      exportName: 'main',
    });
  });

  it('takes file#export as written', () => {
    expect(resolveHandlerFile('src/orders.js#create', '/repo', exists)).toEqual(
      {
        file: '/repo/src/orders.js',
        exportName: 'create',
      },
    );
  });

  it('reads an existing code file with no export as its handler export', () => {
    expect(resolveHandlerFile('src/orders.js', '/repo', exists)).toEqual({
      file: '/repo/src/orders.js',
      exportName: 'handler',
    });
  });

  it('names the path it could not find', () => {
    expect(() =>
      resolveHandlerFile('src/missing.handler', '/repo', exists),
    ).toThrow(
      'handler file src/missing{.js,.cjs,.mjs,.ts,.cts,.mts} not found in /repo; check the path',
    );
    expect(() =>
      resolveHandlerFile('src/missing.js#handler', '/repo', exists),
    ).toThrow('handler file src/missing.js not found');
  });
});
