import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { triggerTemplates } from '../../schematics/utils/trigger-templates.js';
import { TRIGGERS } from '../../schematics/utils/triggers.js';

const TEMPLATES = new URL('../../templates/', import.meta.url);

/** The files of a folder of `templates/`, as paths inside it. */
function filesOf(folder: string): string[] {
  const root = fileURLToPath(new URL(`${folder}/`, TEMPLATES));
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

const read = (folder: string, path: string) =>
  readFileSync(new URL(`${folder}/${path}`, TEMPLATES), 'utf8');

describe('trigger template layers', () => {
  it('every layer of every trigger is a folder of templates/', () => {
    for (const trigger of TRIGGERS) {
      for (const folder of triggerTemplates(trigger)) {
        expect([
          trigger,
          folder,
          existsSync(new URL(folder, TEMPLATES)),
        ]).toEqual([trigger, folder, true]);
      }
    }
  });

  it('no folder repeats, byte for byte, a file of a layer under it', () => {
    const repeats = new Set<string>();
    for (const trigger of TRIGGERS) {
      const layers = triggerTemplates(trigger);
      layers.forEach((folder, index) => {
        for (const path of filesOf(folder)) {
          for (const under of layers.slice(0, index)) {
            if (!existsSync(new URL(`${under}/${path}`, TEMPLATES))) continue;
            if (read(folder, path) === read(under, path)) {
              repeats.add(`${folder}/${path} repeats ${under}/${path}`);
            }
          }
        }
      });
    }
    expect([...repeats]).toEqual([]);
  });
});
