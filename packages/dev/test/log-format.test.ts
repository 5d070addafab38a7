import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LogFormatter, parseLogLine } from '../src/log-format.js';

// A line as the runtime's LambdaLogger (Powertools) writes it.
const POWERTOOLS_LINE = JSON.stringify({
  level: 'INFO',
  message: 'Order o-1 placed',
  timestamp: '2026-12-01T22:00:00.000Z',
  service: 'orders-service',
  cold_start: true,
  function_name: 'order-events',
  function_request_id: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  context: 'OrderEventsHandler',
  correlation_id: 'corr-1',
});

describe('LogFormatter', () => {
  const pretty = new LogFormatter('pretty', false, ['api', 'order-events']);

  it('shows a JSON log line as level, context, message and the attributes that are not noise', () => {
    expect(pretty.functionLine('api', POWERTOOLS_LINE, 'stdout')).toBe(
      'api          INFO  [OrderEventsHandler] Order o-1 placed correlation_id=corr-1',
    );
  });

  it("puts an error's stack under its line", () => {
    const line = JSON.stringify({
      level: 'ERROR',
      message: 'failed',
      error: { name: 'Error', message: 'boom', stack: 'Error: boom\n    at x' },
    });
    expect(pretty.functionLine('api', line, 'stdout')).toBe(
      'api          ERROR failed\n    Error: boom\n        at x',
    );
  });

  it("prefixes other lines with the function's name, and leaves JSON as is in json format", () => {
    expect(pretty.functionLine('order-events', 'plain text', 'stdout')).toBe(
      'order-events plain text',
    );
    const json = new LogFormatter('json', false, ['api']);
    expect(json.functionLine('api', POWERTOOLS_LINE, 'stdout')).toBe(
      POWERTOOLS_LINE,
    );
  });

  it('colours only when asked, and the text stays the same', () => {
    const coloured = new LogFormatter('pretty', true, ['api']);
    const line = coloured.request('GET', '/orders', 'api', 404, 3);
    expect(line).not.toBe(stripVTControlCharacters(line));
    expect(stripVTControlCharacters(line)).toBe('GET /orders → api 404 3 ms');
    expect(pretty.request('GET', '/orders', 'api', 404, 3)).toBe(
      'GET /orders → api 404 3 ms',
    );
  });
});

describe('parseLogLine', () => {
  it('takes objects with a level and a message only', () => {
    expect(parseLogLine(POWERTOOLS_LINE)).toMatchObject({ level: 'INFO' });
    expect(parseLogLine('{"a":1}')).toBeUndefined();
    expect(parseLogLine('{not json')).toBeUndefined();
    expect(parseLogLine('[1]')).toBeUndefined();
  });
});
