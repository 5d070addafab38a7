import { resolve } from 'node:path';
import type { Application } from 'express';
import {
  compileETag,
  compileQueryParser,
  compileTrust,
} from './express-parts.js';

type Setting = string;

/**
 * The settings part of an Express application (`set`, `get`, `enable`, `disable`, `enabled`,
 * `disabled`, `locals`), with `express()`'s defaults, which Express's request and response
 * methods read through `req.app` and `res.app` (`etag fn`, `trust proxy fn`, `json spaces`, ...).
 * A port of express/lib/application.js's `set()` and `defaultConfiguration()`, so that the
 * router, finalhandler and the view loader that `express()` loads stay out of Lambda functions:
 * Nest's routes go to the adapter's route table, and there is no view engine.
 */
export class ExpressSettings {
  readonly settings: { [setting: Setting]: unknown } = Object.create(
    null,
  ) as {};
  readonly locals: { [name: string]: unknown } = Object.create(null) as {};
  readonly mountpath = '/';

  constructor() {
    const env = process.env.NODE_ENV || 'development';
    this.enable('x-powered-by');
    this.set('etag', 'weak');
    this.set('env', env);
    this.set('query parser', 'simple');
    this.set('subdomain offset', 2);
    this.set('trust proxy', false);
    this.locals.settings = this.settings;
    this.set('views', resolve('views'));
    this.set('jsonp callback name', 'callback');
    if (env === 'production') this.enable('view cache');
  }

  /** The value of a setting (Express's `app.get(name)`). */
  get(setting: Setting): unknown {
    return this.settings[setting];
  }

  /** Sets a setting, compiling `etag`, `query parser` and `trust proxy` as Express does. */
  set(setting: Setting, value?: unknown): unknown {
    if (arguments.length === 1) return this.settings[setting];
    this.settings[setting] = value;
    if (setting === 'etag') this.set('etag fn', compileETag(value));
    else if (setting === 'query parser') {
      this.set('query parser fn', compileQueryParser(value));
    } else if (setting === 'trust proxy') {
      this.set('trust proxy fn', compileTrust(value));
    }
    return this;
  }

  enable(setting: Setting): this {
    return this.set(setting, true) as this;
  }

  disable(setting: Setting): this {
    return this.set(setting, false) as this;
  }

  enabled(setting: Setting): boolean {
    return Boolean(this.settings[setting]);
  }

  disabled(setting: Setting): boolean {
    return !this.settings[setting];
  }

  // `res.render()` calls it; Lambda functions have no view engine (see LambdaHttpAdapter.render).
  render(): never {
    throw new Error('Lambda functions have no view engine.');
  }
}

/** The settings, typed as the `req.app` and `res.app` Express's methods expect. */
export function createExpressSettings(): Application {
  return new ExpressSettings() as unknown as Application;
}
