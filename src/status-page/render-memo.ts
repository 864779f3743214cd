import { contentHash, type SiteFile } from '../domain/site-file.ts';

/**
 * Remembers each generated file with what it was made from. A file whose inputs are the same as
 * last time (the same objects, by identity, and the same strings and numbers) is neither generated
 * nor hashed again: with a page of 5,000 incidents, one update regenerates a dozen files, not all.
 * The snapshot reader keeps unchanged incidents as the same objects, which is what makes identity
 * a safe test; anything the renderer reads besides them must be among the inputs.
 */
export interface RenderMemo {
  file(path: string, inputs: readonly unknown[], build: () => Omit<SiteFile, 'path' | 'hash'>): SiteFile;
}

/** Generates every file every time: one-off builds and tests. */
export const noMemo: RenderMemo = { file: (path, _inputs, build) => ({ path, ...build() }) };

export interface SiteMemo extends RenderMemo {
  /** Ends a build: files not generated in it are forgotten. */
  settle(): void;
}

export function createRenderMemo(): SiteMemo {
  let kept = new Map<string, { inputs: readonly unknown[]; file: SiteFile }>();
  let next = new Map<string, { inputs: readonly unknown[]; file: SiteFile }>();
  return {
    file(path, inputs, build) {
      const previous = kept.get(path);
      let file = previous && sameInputs(previous.inputs, inputs) ? previous.file : undefined;
      if (!file) {
        const built = build();
        file = { path, ...built, hash: contentHash(built.body) };
      }
      next.set(path, { inputs, file });
      return file;
    },
    settle() {
      kept = next;
      next = new Map();
    },
  };
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (!Object.is(a[index], b[index])) return false;
  return true;
}
