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
  /** An item's entry: where the item was in its list last build. */
  index?: number;
}

export function createRenderMemo(): SiteMemo {
  // One map, updated in place: a page of 5,000 incidents keeps 5,000 entries, and a build that
  // keeps them all only stamps them, instead of copying them into a new map.
  const entries = new Map<string, Entry>();
  let build = 0;
  // Per list, in call order: last build's shared inputs, items and their entries, and each item's
  // entry (the same WeakMap from build to build while the shared inputs stay the same).
  interface List {
    shared: readonly unknown[];
    items: readonly object[];
    made: Entry[];
    entries: WeakMap<object, Entry>;
  }
  let lists: List[] = [];
  let nextLists: List[] = [];
  // A file generated and hashed. Entries of lists stay out of `entries` (their list keeps them), so
  // that a build of 5,000 items neither stamps nor sweeps them one by one.
  const generated = (path: string, inputs: readonly unknown[], make: () => Omit<SiteFile, 'path' | 'hash'>): Entry => {
    const built = make();
    return { path, inputs, file: { path, ...built, hash: contentHash(built.body) }, build };
  };

  const file: RenderMemo['file'] = (path, inputs, make) => entry(path, inputs, make).file;
  function entry(path: string, inputs: readonly unknown[], make: () => Omit<SiteFile, 'path' | 'hash'>): Entry {
    const previous = entries.get(path);
    if (previous && sameInputs(previous.inputs, inputs)) {
      previous.build = build;
      return previous;
    }
    const made = generated(path, inputs, make);
    entries.set(path, made);
    return made;
  }

  return {
    file,
    files(shared, items, each) {
      const last = lists[nextLists.length];
      const same = last !== undefined && sameInputs(last.shared, shared);
      const known = same ? last.entries : new WeakMap<object, Entry>();
      const lastItems = same ? last.items : [];
      const lastMade = same ? last.made : [];
      // Shared inputs changed (a component renamed): each item's file is compared by its inputs with
      // last build's file at the same path, and kept when they are the same.
      const byPath = !same && last ? new Map(last.made.map((entry) => [entry.path, entry])) : undefined;
      const made: Entry[] = new Array(items.length);
      // Walks this build's items along last build's: most are the same objects in the same order,
      // told by a comparison; the others are looked up, or made.
      let at = 0;
      for (let index = 0; index < items.length; index++) {
        const item = items[index]!;
        let kept: Entry | undefined;
        if (lastItems[at] === item) kept = lastMade[at++];
        else {
          kept = known.get(item);
          // Items taken out before it: the walk goes on after it.
          if (kept?.index !== undefined && lastItems[kept.index] === item) at = kept.index + 1;
        }
        if (!kept || !each.isSettled(item)) {
          const path = each.path(item);
          const inputs = each.inputs(item);
          if (!kept || kept.path !== path || !sameInputs(kept.inputs, inputs)) {
            const before = byPath?.get(path);
            kept = before && sameInputs(before.inputs, inputs) ? before : generated(path, inputs, () => each.build(item));
            known.set(item, kept);
          }
        }
        kept.index = index;
        made[index] = kept;
      }
      nextLists.push({ shared, items, made, entries: known });
      return made.map((entry) => entry.file);
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
