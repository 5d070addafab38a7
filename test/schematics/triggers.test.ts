import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  TRIGGER_CATALOG,
  TRIGGERS as RUNTIME_TRIGGERS,
} from '@create-nest-lambda/runtime/triggers';
import { TRIGGER_REGISTRY } from '../../packages/runtime/src/triggers/trigger.registry.js';
import {
  DEFAULT_TRIGGERS,
  HTTP_TRIGGERS,
  MIGRATE_TRIGGERS,
  TRIGGER_DESCRIPTIONS,
  TRIGGERS,
} from '../../schematics/utils/triggers.js';

// The runtime's TRIGGER_CATALOG is the one definition of the triggers. The generator's lists
// derive from it in code; JSON and folders cannot import it, so this test holds them to it.

interface SchemaProperty {
  description?: string;
  enum?: string[];
  items?: { enum?: string[] };
  default?: unknown;
  'x-prompt'?: { items?: { value: string; label: string }[] };
}

function schemaProperty(schematic: string, property: string): SchemaProperty {
  const url = new URL(
    `../../schematics/${schematic}/schema.json`,
    import.meta.url,
  );
  const schema = JSON.parse(readFileSync(url, 'utf8')) as {
    properties: Record<string, SchemaProperty>;
  };
  return schema.properties[property]!;
}

/** The trigger names a sentence lists, in order ("a, b, c or d"). */
function listedIn(text: string | undefined): string[] {
  const known = new Set<string>(RUNTIME_TRIGGERS);
  return (text ?? '').split(/[\s,:.]+/).filter((word) => known.has(word));
}

describe('one definition of the triggers', () => {
  it('the runtime registry serves exactly the catalog, with the same kind for each', () => {
    expect(Object.keys(TRIGGER_REGISTRY)).toEqual([...RUNTIME_TRIGGERS]);
    for (const trigger of RUNTIME_TRIGGERS)
      expect(TRIGGER_REGISTRY[trigger].kind).toBe(
        TRIGGER_CATALOG[trigger].kind,
      );
  });

  it('the generator scaffolds the catalog entries marked scaffold, HTTP ones as controllers', () => {
    expect(TRIGGERS).toEqual(
      RUNTIME_TRIGGERS.filter((t) => TRIGGER_CATALOG[t].scaffold),
    );
    expect(HTTP_TRIGGERS).toEqual(
      TRIGGERS.filter((t) => TRIGGER_REGISTRY[t].kind === 'http'),
    );
  });

  it('every scaffolded trigger has a template folder, and no folder lacks a trigger', () => {
    const folders = readdirSync(
      new URL('../../templates/triggers/', import.meta.url),
    );
    // `_shared` and `_http` are the layers under the triggers' folders (trigger-templates.ts).
    expect(folders.filter((folder) => !folder.startsWith('_')).sort()).toEqual(
      [...TRIGGERS].sort(),
    );
  });

  it("lambda-handler's --type lists the scaffolded triggers", () => {
    const type = schemaProperty('lambda-handler', 'type');
    expect(listedIn(type.description)).toEqual(TRIGGERS);
    const prompt = type['x-prompt']?.items?.map((item) => item.value);
    if (prompt !== undefined) expect(prompt).toEqual(TRIGGERS);
  });

  it("migrate's --type enum and description are the catalog entries marked migrate", () => {
    const type = schemaProperty('migrate', 'type');
    expect(type.enum).toEqual(MIGRATE_TRIGGERS);
    expect(listedIn(type.description)).toEqual(MIGRATE_TRIGGERS);
  });

  it("the scaffold's --triggers description lists the scaffolded triggers", () => {
    const triggers = schemaProperty('application', 'triggers');
    expect(listedIn(triggers.description)).toEqual(TRIGGERS);
  });

  it('every scaffolded trigger names its sample function', () => {
    for (const trigger of TRIGGERS)
      expect(TRIGGER_CATALOG[trigger].sampleName).toMatch(/^[a-z][a-z-]*$/);
  });

  // The CLI reads its choices from the schemas, and the workflow validates with them.
  it('lists the triggers, in order, in the application schema', () => {
    const triggers = schemaProperty('application', 'triggers');
    expect(triggers.items?.enum).toEqual([...TRIGGERS]);
    expect(triggers.default).toBe(DEFAULT_TRIGGERS.join(','));
  });

  it("offers every trigger, described, in lambda-handler's prompt for --type", () => {
    const type = schemaProperty('lambda-handler', 'type');
    expect(type['x-prompt']?.items).toEqual(
      TRIGGERS.map((trigger) => ({
        value: trigger,
        label: `${trigger}: ${TRIGGER_DESCRIPTIONS[trigger]}`,
      })),
    );
    expect(type.default).toBe('sqs');
  });
});
