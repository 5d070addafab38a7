// API Gateway's REST APIs give one path segment one variable: `/items/{id}` and `/items/{city}`
// in one API fail at deploy ("A sibling ({id}) of this resource already has a variable path
// part"), while `cdk synth` and cfn-lint pass them. Such routes are refused before anything is
// written, naming both.
import type { PlannedFunction } from './plan.js';

/** Throws, naming the routes, when two routes of one REST API put different variables side by side. */
export function checkSiblingVariables(
  functions: PlannedFunction[],
  source: string,
): void {
  // api → parent path → variable segment → a route that uses it
  const seen = new Map<string, Map<string, Map<string, string>>>();
  for (const fn of functions) {
    for (const trigger of fn.triggers) {
      if (trigger.type !== 'rest-api') continue;
      const segments = trigger.path.split('/').filter(Boolean);
      segments.forEach((segment, i) => {
        if (!/^\{.+\}$/.test(segment)) return;
        const parent = `/${segments.slice(0, i).join('/')}`;
        const api = seen.get(trigger.api) ?? new Map();
        seen.set(trigger.api, api);
        const variables: Map<string, string> = api.get(parent) ?? new Map();
        api.set(parent, variables);
        const route = `${trigger.method} ${trigger.path} (${fn.sourceName})`;
        const other = [...variables].find(([name]) => name !== segment);
        if (other !== undefined) {
          throw new Error(
            `${source}: API Gateway rejects ${other[0]} and ${segment} side by side under ${parent} of ${trigger.api} (${other[1]}; ${route}); use one variable name for both routes in the source`,
          );
        }
        variables.set(segment, route);
      });
    }
  }
}
