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
  /**
   * One file per item (an incident and its page). When `shared` is what it was last build, an item
   * that is the same object and `isSettled` keeps its file without its inputs being made again:
   * `inputs(item)` may read only the item, `shared` and what `isSettled` vouches did not change.
   */
  files<T extends object>(shared: readonly unknown[], items: readonly T[], each: FileOf<T>): SiteFile[];
}

export interface FileOf<T> {
  path(item: T): string;
  inputs(item: T): readonly unknown[];
  /** Whether the item's file depends on nothing but the item and `shared`. */
  isSettled(item: T): boolean;
  build(item: T): Omit<SiteFile, 'path' | 'hash'>;
}

/** Generates every file every time: one-off builds and tests. */
export const noMemo: RenderMemo = {
  file: (path, _inputs, build) => ({ path, ...build() }),
  files: (_shared, items, each) => items.map((item) => ({ path: each.path(item), ...each.build(item) })),
};

export interface SiteMemo extends RenderMemo {
  /** Ends a build: files not generated in it are forgotten. */
  settle(): void;
}

interface Entry {
  path: string;
  inputs: readonly unknown[];
  file: SiteFile;
  /** The build that last generated or kept it. */
  build: number;
}

export function createRenderMemo(): SiteMemo {
  // One map, updated in place: a page of 5,000 incidents keeps 5,000 entries, and a build that
  // keeps them all only stamps them, instead of copying them into a new map.
  const entries = new Map<string, Entry>();
  let build = 0;
  // Per list, in call order: last build's shared inputs and each item's entry (the same WeakMap
  // from build to build while the shared inputs stay the same).
  let lists: Array<{ shared: readonly unknown[]; entries: WeakMap<object, Entry> }> = [];
  let nextLists: typeof lists = [];

  const file: RenderMemo['file'] = (path, inputs, make) => entry(path, inputs, make).file;
  function entry(path: string, inputs: readonly unknown[], make: () => Omit<SiteFile, 'path' | 'hash'>): Entry {
    const previous = entries.get(path);
    if (previous && sameInputs(previous.inputs, inputs)) {
      previous.build = build;
      return previous;
    }
    const built = make();
    const made = { path, inputs, file: { path, ...built, hash: contentHash(built.body) }, build };
    entries.set(path, made);
    return made;
  }

  return {
    file,
    files(shared, items, each) {
      const last = lists[nextLists.length];
      const same = last !== undefined && sameInputs(last.shared, shared);
      const known = same ? last.entries : new WeakMap<object, Entry>();
      nextLists.push({ shared, entries: known });
      return items.map((item) => {
        let made = same ? known.get(item) : undefined;
        if (made && entries.get(made.path) === made && each.isSettled(item)) made.build = build;
        else {
          made = entry(each.path(item), each.inputs(item), () => each.build(item));
          known.set(item, made);
        }
        return made.file;
      });
    },
    settle() {
      for (const [path, kept] of entries) if (kept.build !== build) entries.delete(path);
      build++;
      lists = nextLists;
      nextLists = [];
    },
  };
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (!Object.is(a[index], b[index])) return false;
  return true;
}
