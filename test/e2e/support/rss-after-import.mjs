// Imports one Lambda bundle, as the Lambda runtime's init phase does, and prints the process's
// resident set size right after it as one JSON line: { "rssMb": 71.2 }.
// Usage: node rss-after-import.mjs <bundle.mjs>
import { pathToFileURL } from 'node:url';

const [bundle] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(bundle).href);
if (typeof handler !== 'function')
  throw new Error(`${bundle} exports no handler function`);
const rssMb = process.memoryUsage().rss / 1024 / 1024;
process.stdout.write(`${JSON.stringify({ rssMb })}\n`);
// The app stays cached in Lambda; here the process ends once measured.
process.exit(0);
