import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRIGGERS as KIT_TRIGGERS } from '../../templates/project/src/lambda/index.js';
import { TRIGGER_REGISTRY } from '../../templates/project/src/lambda/triggers/trigger.registry.js';
import {
  DEFAULT_TRIGGERS,
  HTTP_TRIGGERS,
  TRIGGER_DESCRIPTIONS,
  TRIGGERS,
} from '../../schematics/utils/triggers.js';

interface Schema {
  properties: Record<
    string,
    {
      items: { enum: string[] };
      default: unknown;
      'x-prompt': { items: { value: string; label: string }[] };
    }
  >;
}

function readSchema(schematic: string): Schema {
  return JSON.parse(
    readFileSync(
      new URL(`../../schematics/${schematic}/schema.json`, import.meta.url),
      'utf8',
    ),
  ) as Schema;
}

// The generator and the kit it ships keep separate lists (a generated project cannot import the
// generator); this keeps them from drifting apart.
describe('trigger lists', () => {
  it('scaffolds every trigger the kit serves, except ALB, which the kit accepts for controllers only', () => {
    expect([...TRIGGERS].sort()).toEqual(
      KIT_TRIGGERS.filter((t) => t !== 'alb').sort(),
    );
  });

  it('treats as HTTP (a controller, not a handler) exactly the triggers the kit routes to controllers', () => {
    const kitHttp = TRIGGERS.filter((t) => TRIGGER_REGISTRY[t].kind === 'http');
    expect([...HTTP_TRIGGERS].sort()).toEqual(kitHttp.sort());
  });

  // The CLI reads its choices from the schemas, and the workflow validates with them.
  it('lists the triggers, in order, in the application schema', () => {
    const schema = readSchema('application');
    expect(schema.properties.triggers.items.enum).toEqual([...TRIGGERS]);
    expect(schema.properties.triggers.default).toBe(DEFAULT_TRIGGERS.join(','));
  });

  it("offers every trigger, described, in lambda-handler's prompt for --type", () => {
    const { type } = readSchema('lambda-handler').properties;
    expect(type['x-prompt'].items).toEqual(
      TRIGGERS.map((trigger) => ({
        value: trigger,
        label: `${trigger}: ${TRIGGER_DESCRIPTIONS[trigger]}`,
      })),
    );
    expect(type.default).toBe('sqs');
  });
});
