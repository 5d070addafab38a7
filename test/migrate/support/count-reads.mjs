// Preloaded with --import by a CLI test: counts how often the process reads the file whose path ends
// with COUNT_READS, and prints the count last on stderr, to prove the source is read (planned) once.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const suffix = process.env.COUNT_READS ?? '';
const original = fs.readFileSync;
let reads = 0;
fs.readFileSync = function readFileSync(path, ...rest) {
  if (String(path).endsWith(suffix)) reads += 1;
  return original.call(this, path, ...rest);
};
syncBuiltinESMExports();
process.on('exit', () => process.stderr.write(`reads: ${reads}\n`));
