import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import recipeJson from '../../../resources/demo-library.json';
import type { BundleManifest } from '../../../shared/api/firmware';
import { makeSyntheticImage } from '../../../shared/cisco/synthetic-image';
import { FirmwareLibrary } from './library-store';

/**
 * The demo library (issue 19 item 2): synthetic bundles shaped like the real packages, so "Try with a virtual
 * phone" and `phonebench migrate --demo` work on a fresh install. Built at first use from the recipe in
 * resources/demo-library.json into `<dataDir>/demo-library/`, a library of its own: the technician's library
 * never lists these, and only a demo run is served from here. Every image carries the demo line
 * (shared/cisco/synthetic-image.ts), so a copy anywhere else is refused to a real phone as well.
 */

const recipeSchema = z.object({
  imageBytes: z.number().int().min(1024).max(4 * 1024 * 1024),
  bundles: z.array(z.object({ release: z.string().min(1), files: z.array(z.string().min(1)).min(1), os79xx: z.string().optional() })).min(1),
});

export type DemoRecipe = z.infer<typeof recipeSchema>;

/** The recipe shipped in resources/, checked at load. */
export const DEMO_RECIPE: DemoRecipe = recipeSchema.parse(recipeJson);

/** How a demo bundle is named wherever it shows: never mistaken for Cisco's own files. */
export function demoBundleName(release: string): string {
  return `demo, not Cisco firmware: ${release}`;
}

export function demoLibraryRoot(dataDir: string): string {
  return path.join(dataDir, 'demo-library');
}

/** A `.loads` names the loader and application; small in real packages too. */
const LOADS_BYTES = 1024;

/** The demo bundles, built once per data folder; concurrent first uses share one build. */
export class DemoLibrary {
  readonly library: FirmwareLibrary;
  private building: Promise<BundleManifest[]> | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly recipe: DemoRecipe = DEMO_RECIPE,
  ) {
    this.library = new FirmwareLibrary(demoLibraryRoot(dataDir));
  }

  /** Every demo bundle, in the recipe's order, built first where missing. */
  ensure(): Promise<BundleManifest[]> {
    const run = (this.building ??= this.build().finally(() => {
      this.building = undefined;
    }));
    return run;
  }

  /** True when `id` is a bundle of the demo library (built or not, nothing else is). */
  async has(id: string): Promise<boolean> {
    const present = await this.library.list().catch(() => []);
    return present.some((m) => m.id === id);
  }

  private async build(): Promise<BundleManifest[]> {
    const present = await this.library.list().catch(() => []);
    const out: BundleManifest[] = [];
    for (const bundle of this.recipe.bundles) {
      const name = demoBundleName(bundle.release);
      const have = present.find((m) => m.source.name === name);
      out.push(have ?? (await this.make(name, bundle)));
    }
    return out;
  }

  /** Writes one bundle's files to a scratch folder and imports it, as a technician's folder would be. */
  private async make(name: string, bundle: DemoRecipe['bundles'][number]): Promise<BundleManifest> {
    const scratch = path.join(this.dataDir, 'tmp', `demo-library-${randomBytes(6).toString('hex')}`);
    await fs.mkdir(scratch, { recursive: true });
    try {
      for (const [i, file] of bundle.files.entries()) {
        const data =
          file.toUpperCase() === 'OS79XX.TXT'
            ? Buffer.from(`${bundle.os79xx ?? ''}\n`, 'latin1')
            : makeSyntheticImage(file, file.toLowerCase().endsWith('.loads') ? LOADS_BYTES : this.recipe.imageBytes, i + 1, true);
        await fs.writeFile(path.join(scratch, file), data, { flag: 'wx' });
      }
      return await this.library.import(scratch, { sourceName: name });
    } finally {
      await fs.rm(scratch, { recursive: true, force: true });
    }
  }
}
