// Loads serverless.yml and SAM/CloudFormation templates, YAML or JSON. CloudFormation's short
// forms (`!Ref X`, `!GetAtt A.B`, `!Sub '…'`, `!Join [',', …]`, ...) become the long JSON forms
// (`{ Ref: X }`, `{ 'Fn::GetAtt': [A, B] }`), so that the rest of the code reads one shape only.
import { parseDocument, type Tags } from 'yaml';

const FUNCTIONS = [
  'Ref',
  'Condition',
  'GetAtt',
  'Sub',
  'Join',
  'Select',
  'Split',
  'If',
  'Equals',
  'And',
  'Or',
  'Not',
  'FindInMap',
  'GetAZs',
  'ImportValue',
  'Base64',
  'Cidr',
  'Transform',
  'ToJsonString',
  'Length',
] as const;

function longName(name: (typeof FUNCTIONS)[number]): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

function cloudFormationTags(): Tags {
  return FUNCTIONS.flatMap((name) => {
    const key = longName(name);
    const tag = `!${name}`;
    return [
      {
        tag,
        identify: () => false,
        // `!GetAtt Bucket.Arn` is the one scalar form CloudFormation splits itself.
        resolve: (value: string) =>
          name === 'GetAtt' ? { [key]: splitGetAtt(value) } : { [key]: value },
      },
      {
        tag,
        collection: 'seq' as const,
        identify: () => false,
        resolve: (value: { toJSON(): unknown }) => ({ [key]: value.toJSON() }),
      },
      {
        tag,
        collection: 'map' as const,
        identify: () => false,
        resolve: (value: { toJSON(): unknown }) => ({ [key]: value.toJSON() }),
      },
    ];
  });
}

function splitGetAtt(value: string): string[] {
  const dot = value.indexOf('.');
  return dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
}

/** Parses YAML or JSON text; throws an Error naming the file, the line and the problem. */
export function loadTemplate(
  file: string,
  text: string,
): Record<string, unknown> {
  const document = parseDocument(text, {
    customTags: cloudFormationTags(),
    merge: true, // serverless.yml files share settings with `<<: *anchor`
    prettyErrors: false,
    uniqueKeys: true,
  });
  const [error] = document.errors;
  if (error) {
    const line = error.linePos?.[0]?.line ?? 1;
    throw new Error(
      `${file}:${line} does not parse (${error.message}); fix the YAML and retry`,
    );
  }
  // Templates reuse anchors freely; the alias limit guards against untrusted input, and this is
  // the user's own file.
  const value: unknown = document.toJS({ maxAliasCount: -1 });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(
      `${file} is not a template (its top level is not a mapping)`,
    );
  }
  return value as Record<string, unknown>;
}
