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
}

export function createRenderMemo(): SiteMemo {
  let kept = new Map<string, Entry>();
  let next = new Map<string, Entry>();
  // Per list, in call order: last build's shared inputs and each item's entry.
  let lists: Array<{ shared: readonly unknown[]; entries: WeakMap<object, Entry> }> = [];
  let nextLists: typeof lists = [];

  const file: RenderMemo['file'] = (path, inputs, build) => entry(path, inputs, build).file;
  function entry(path: string, inputs: readonly unknown[], build: () => Omit<SiteFile, 'path' | 'hash'>): Entry {
    const previous = kept.get(path);
    if (previous && sameInputs(previous.inputs, inputs)) {
      next.set(path, previous);
      return previous;
    }
    const built = build();
    const made = { path, inputs, file: { path, ...built, hash: contentHash(built.body) } };
    next.set(path, made);
    return made;
  }

  return {
    file,
    files(shared, items, each) {
      const last = lists[nextLists.length];
      const known = last && sameInputs(last.shared, shared) ? last.entries : undefined;
      const entries = new WeakMap<object, Entry>();
      nextLists.push({ shared, entries });
      return items.map((item) => {
        let made = known?.get(item);
        if (made && kept.get(made.path) === made && each.isSettled(item)) next.set(made.path, made);
        else made = entry(each.path(item), each.inputs(item), () => each.build(item));
        entries.set(item, made);
        return made.file;
      });
    },
    settle() {
      kept = next;
      next = new Map();
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
