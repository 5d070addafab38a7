import { describe, expect, it } from 'vitest';
import { discoverExports } from '../../schematics/migrate/sources/handler/exports.js';

const exportsOf = (file: string, text: string) => {
  const result = discoverExports(file, text);
  const exports = [...result.exports].map(([name, info]) => {
    const { range, ...rest } = info;
    // Every function carries its place in the text; values and unknowns carry none.
    if (info.kind === 'function') {
      expect(text.slice(...(range ?? [0, 0]))).toMatch(/=>|function|\(/);
    } else {
      expect(range).toBeUndefined();
    }
    return [name, rest] as const;
  });
  return { format: result.format, exports: Object.fromEntries(exports) };
};

describe('discoverExports, CommonJS', () => {
  it('finds exports.x, module.exports.x and element access', () => {
    const text = [
      "const util = require('./util');",
      'exports.a = async (event) => event;',
      'module.exports.b = function (event, context, callback) { callback(null, 1); };',
      "exports['c'] = function (event, context) { context.succeed(2); };",
      'exports.d = 42;',
      'exports.e = util.wrap(() => 1);',
    ].join('\n');
    expect(exportsOf('h.js', text)).toEqual({
      format: 'cjs',
      exports: {
        a: { name: 'a', kind: 'function', style: 'async' },
        b: { name: 'b', kind: 'function', style: 'callback' },
        c: { name: 'c', kind: 'function', style: 'context' },
        d: { name: 'd', kind: 'value' },
        e: { name: 'e', kind: 'unknown' },
      },
    });
  });

  it('finds module.exports = { x } through local declarations', () => {
    const text = [
      'function create(event, context, cb) { cb(null, event); }',
      'const list = async () => [];',
      'const config = { a: 1 };',
      'module.exports = { create, list, config, inline(event) { return Promise.resolve(event); } };',
    ].join('\n');
    expect(exportsOf('h.cjs', text).exports).toEqual({
      create: { name: 'create', kind: 'function', style: 'callback' },
      list: { name: 'list', kind: 'function', style: 'async' },
      config: { name: 'config', kind: 'value' },
      inline: { name: 'inline', kind: 'function', style: 'returns' },
    });
  });

  it('lets a later module.exports = … replace earlier exports, as Node does', () => {
    const text =
      'exports.a = () => 1;\nmodule.exports = async function main() {};';
    expect(exportsOf('h.js', text).exports).toEqual({
      default: { name: 'default', kind: 'function', style: 'async' },
    });
  });

  it('reads the output of tsc (exports.x = x after a declaration)', () => {
    const text = [
      '"use strict";',
      'Object.defineProperty(exports, "__esModule", { value: true });',
      'exports.handler = void 0;',
      'const handler = async (event) => ({ ok: true });',
      'exports.handler = handler;',
    ].join('\n');
    expect(exportsOf('h.js', text).exports.handler).toEqual({
      name: 'handler',
      kind: 'function',
      style: 'async',
    });
  });

  it('reads chains, exports.a = exports.b = fn', () => {
    const text = 'exports.a = exports.b = async () => 1;';
    expect(Object.keys(exportsOf('h.js', text).exports).sort()).toEqual([
      'a',
      'b',
    ]);
    expect(exportsOf('h.js', text).exports.a.kind).toBe('function');
  });
});

describe('discoverExports, ESM and TypeScript', () => {
  it('finds export const, export function, export default and export { x as y }', () => {
    const text = [
      "import { helper } from './helper.js';",
      'export const a = async (event) => helper(event);',
      'export function b(event, context, callback) { callback(null, event); }',
      'export default async function (event) { return event; }',
      'const c = (event) => Promise.resolve(event);',
      'export { c as renamed, helper };',
      'export class NotAHandler {}',
    ].join('\n');
    expect(exportsOf('h.mjs', text)).toEqual({
      format: 'esm',
      exports: {
        a: { name: 'a', kind: 'function', style: 'async' },
        b: { name: 'b', kind: 'function', style: 'callback' },
        default: { name: 'default', kind: 'function', style: 'async' },
        renamed: { name: 'renamed', kind: 'function', style: 'returns' },
        helper: { name: 'helper', kind: 'unknown' },
        NotAHandler: { name: 'NotAHandler', kind: 'value' },
      },
    });
  });

  it('reads the event type from the parameter, the handler type or Handler<Event>', () => {
    const text = [
      "import type { SQSEvent, SNSHandler, Handler, EventBridgeEvent } from 'aws-lambda';",
      'export const a = async (event: SQSEvent) => {};',
      'export const b: SNSHandler = async (event) => {};',
      'export const c: Handler<EventBridgeEvent<"x", unknown>, void> = async (event) => {};',
      "export async function d(event: import('aws-lambda').S3Event) {}",
    ].join('\n');
    const found = exportsOf('h.ts', text).exports;
    expect(
      [found.a, found.b, found.c, found.d].map((e) => e?.eventType),
    ).toEqual(['SQSEvent', 'SNSHandler', 'EventBridgeEvent', 'S3Event']);
  });

  it('reads JSDoc types in JavaScript', () => {
    const text = [
      "/** @param {import('aws-lambda').DynamoDBStreamEvent} event */",
      'exports.handler = async function (event) {};',
      "/** @type {import('aws-lambda').KinesisStreamHandler} */",
      'const other = async (event) => {};',
      'exports.other = other;',
    ].join('\n');
    const found = exportsOf('h.js', text).exports;
    expect(found.handler?.eventType).toBe('DynamoDBStreamEvent');
    expect(found.other?.eventType).toBe('KinesisStreamHandler');
  });

  it('treats export = as CommonJS', () => {
    expect(
      exportsOf('h.ts', 'export = async (event: unknown) => event;'),
    ).toEqual({
      format: 'cjs',
      exports: {
        default: { name: 'default', kind: 'function', style: 'async' },
      },
    });
  });

  it('names the line of a syntax error and the fix', () => {
    expect(() =>
      discoverExports(
        '/x/h.js',
        'exports.a = async (event) => {\n  return [;\n};',
      ),
    ).toThrow(/^\/x\/h\.js:2 does not parse \(.+\); fix the syntax and retry$/);
  });
});
