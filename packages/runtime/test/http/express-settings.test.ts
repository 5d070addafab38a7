import express from 'express';
import { describe, expect, it } from 'vitest';
import { ExpressSettings } from '../../src/http/express-settings.js';

// ExpressSettings ports the settings of express/lib/application.js; each case runs the same calls
// on it and on a real `express()` application and compares what Express's request and response
// methods read from them.
const COMPILED = ['etag fn', 'query parser fn', 'trust proxy fn'];

function plain(settings: { [name: string]: unknown }): {
  [name: string]: unknown;
} {
  // The compiled functions differ by identity; the cases below compare what they return.
  // `view` (the View class) only serves `app.render()`, which Lambda functions do not have.
  return Object.fromEntries(
    Object.entries(settings).filter(
      ([name]) => !COMPILED.includes(name) && name !== 'view',
    ),
  );
}

describe('ExpressSettings', () => {
  it("has express()'s default settings", () => {
    const ours = new ExpressSettings();
    const app = express();
    expect(plain(ours.settings)).toEqual(plain(app.settings));
    expect(Object.keys(ours.settings).sort()).toEqual(
      Object.keys(app.settings)
        .filter((name) => name !== 'view')
        .sort(),
    );
    expect(ours.locals.settings).toBe(ours.settings);
    expect(ours.mountpath).toBe(app.mountpath);
  });

  it.each([
    ['etag', 'strong'],
    ['etag', false],
    ['query parser', 'extended'],
    ['query parser', false],
    ['trust proxy', true],
    ['trust proxy', 1],
    ['trust proxy', 'loopback, 10.0.0.0/8'],
    ['json spaces', 2],
  ])('compiles %s = %j as Express does', (name, value) => {
    const ours = new ExpressSettings();
    const app = express();
    expect(ours.set(name, value)).toBe(ours);
    app.set(name, value);
    expect(plain(ours.settings)).toEqual(plain(app.settings));
    const etag = ours.get('etag fn') as ((body: string) => string) | undefined;
    const theirs = app.get('etag fn') as ((body: string) => string) | undefined;
    expect(etag?.('{"id":1}')).toBe(theirs?.('{"id":1}'));
    const query = ours.get('query parser fn') as
      ((query: string) => unknown) | undefined;
    const their = app.get('query parser fn') as
      ((query: string) => unknown) | undefined;
    expect(query?.('a[b]=1&a[c]=2&d=3')).toEqual(their?.('a[b]=1&a[c]=2&d=3'));
    const trust = ours.get('trust proxy fn') as (
      a: string,
      i: number,
    ) => boolean;
    const trusted = app.get('trust proxy fn') as (
      a: string,
      i: number,
    ) => boolean;
    for (const [address, hop] of [
      ['127.0.0.1', 0],
      ['10.1.2.3', 1],
      ['203.0.113.9', 2],
    ] as const) {
      expect(trust(address, hop)).toBe(trusted(address, hop));
    }
  });

  it('enables and disables as Express does', () => {
    const ours = new ExpressSettings();
    const app = express();
    ours.disable('x-powered-by').enable('case sensitive routing');
    app.disable('x-powered-by').enable('case sensitive routing');
    expect(plain(ours.settings)).toEqual(plain(app.settings));
    for (const name of ['x-powered-by', 'case sensitive routing', 'nothing']) {
      expect(ours.enabled(name)).toBe(app.enabled(name));
      expect(ours.disabled(name)).toBe(app.disabled(name));
      expect(ours.set(name)).toBe(app.get(name));
    }
  });

  it('refuses to render, as Lambda functions have no view engine', () => {
    expect(() => new ExpressSettings().render()).toThrow(
      'Lambda functions have no view engine.',
    );
  });
});
