// How the factories turn a payload into the string a record carries. A leaf.

/** A string as is; anything else as JSON. */
export const asText = (payload: unknown): string =>
  typeof payload === 'string' ? payload : JSON.stringify(payload ?? null);

/** `arn:aws:<service>:us-east-1:123456789012:<resource>`, the account of every local event. */
export const localArn = (
  service: string,
  resource: string,
  region = 'us-east-1',
) => `arn:aws:${service}:${region}:123456789012:${resource}`;
