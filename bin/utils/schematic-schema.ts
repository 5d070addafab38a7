import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { COLLECTION_PATH } from './package-root.js';

export interface SchemaProperty {
  type?: string | string[];
  description?: string;
  enum?: string[];
  items?: { type?: string; enum?: string[] };
  default?: string | number | boolean;
  visible?: boolean;
  'x-prompt'?: unknown;
}

export interface SchematicSchema {
  name: string;
  description: string;
  aliases: string[];
  properties: Record<string, SchemaProperty>;
  required: string[];
}

interface Collection {
  schematics: Record<
    string,
    { description: string; schema: string; aliases?: string[] }
  >;
}

/**
 * A schematic's `schema.json`, as the built collection ships it. The CLI takes its choices and
 * defaults from here, so each list of values is written once, where the schematic validates it.
 */
export function readSchematicSchema(name: string): SchematicSchema {
  const collection = JSON.parse(
    readFileSync(COLLECTION_PATH, 'utf8'),
  ) as Collection;
  const entry = collection.schematics[name];
  const schema = JSON.parse(
    readFileSync(join(dirname(COLLECTION_PATH), entry.schema), 'utf8'),
  ) as { properties: Record<string, SchemaProperty>; required?: string[] };
  return {
    name,
    description: entry.description,
    aliases: entry.aliases ?? [],
    properties: schema.properties,
    required: schema.required ?? [],
  };
}

/** The allowed values of a property: its `enum`, or its items' `enum` for a list. */
export function choicesOf(property: SchemaProperty): string[] {
  return property.enum ?? property.items?.enum ?? [];
}
