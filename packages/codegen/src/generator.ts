// What a generator is: a pure function from the catalog (and, for migrations, the previously generated state)
// to files. Every generator is registered in registry.ts and runs on `factline generate`.
import type { Catalog } from '@factline/catalog';

export interface GeneratedFile {
  /** Path relative to the project root, POSIX separators. */
  path: string;
  content: string;
}

export interface GeneratorContext {
  catalog: Catalog;
  /** Reads a file of the current checkout (relative to the root); undefined when absent. For generators that
   *  continue from what was generated before (migrations). */
  readExisting(path: string): Promise<string | undefined>;
}

export interface Generator {
  name: string;
  description: string;
  /** Folders this generator owns entirely: files in them that it no longer produces are deleted. */
  owns: readonly string[];
  generate(context: GeneratorContext): Promise<GeneratedFile[]> | GeneratedFile[];
}
