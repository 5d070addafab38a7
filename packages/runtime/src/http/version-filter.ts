import {
  VERSION_NEUTRAL,
  VersioningType,
  type VersioningOptions,
} from '@nestjs/common';
import type { VersionValue } from '@nestjs/common/internal';
import type { LambdaHttpRequest } from './lambda-http.request.js';
import type { Handler } from './route-table.js';

/**
 * Runs `handler` only for requests of the versions it serves, for header, media-type and custom
 * versioning (URI versioning is in the path), and passes the others on, as Express's adapter does.
 */
export function applyVersionFilter(
  handler: Handler,
  version: VersionValue,
  options: VersioningOptions,
): Handler {
  if (version === VERSION_NEUTRAL || options.type === VersioningType.URI)
    return handler;
  const served = ([] as unknown[]).concat(version);
  const requested = (request: LambdaHttpRequest): unknown => {
    switch (options.type) {
      case VersioningType.CUSTOM:
        return options.extractor(request);
      case VersioningType.HEADER:
        return request.headers[options.header.toLowerCase()];
      case VersioningType.MEDIA_TYPE: {
        // `application/json;v=2`: a parameter of any media range; quoted strings are not parsed.
        const parameters = String(request.headers.accept ?? '')
          .split(',')
          .flatMap((range) =>
            range
              .split(';')
              .slice(1)
              .map((item) => item.trim()),
          );
        const found = parameters.find((item) => item.startsWith(options.key));
        return found?.slice(options.key.length).replace(/^"(.*)"$/, '$1');
      }
    }
  };
  return (request, response, next) => {
    const wanted = requested(request);
    const matches =
      wanted === undefined || wanted === ''
        ? served.includes(VERSION_NEUTRAL)
        : [wanted].flat().some((value) => served.includes(value));
    return matches ? handler(request, response, next) : next();
  };
}
