// Its own file, free of express: the ALB trigger reads headers with it in every function, and
// lambda-http.request.ts (which loads express) is for HTTP functions only.

/** The first of a header or query value that may be repeated. */
export function firstValue(
  value: string | string[] | undefined,
): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
