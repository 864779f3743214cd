/** One piece of a text compared with an earlier one. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

// Words (with their apostrophes and hyphens), runs of spaces, and each other sign on its own.
const tokens = /\s+|[\p{L}\p{N}\p{M}’'-]+|[^\s\p{L}\p{N}\p{M}]/gu;
/** Above this many comparisons, the changed middle is shown as removed then added whole. */
const maxCells = 4_000_000;

/**
 * What changed from `before` to `after`, word by word: the longest run of words both share stays,
 * the rest is removed or added. Spaces between two changed words join the change, so "fail for
 * some" → "are declined for many" reads as one replacement, not a patchwork.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = before.match(tokens) ?? [];
  const b = after.match(tokens) ?? [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: DiffPart[] = a.slice(0, start).map((text) => ({ kind: 'same', text }));
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  if (middleA.length * middleB.length > maxCells) {
    ops.push(...middleA.map((text) => ({ kind: 'removed' as const, text })), ...middleB.map((text) => ({ kind: 'added' as const, text })));
  } else {
    ops.push(...longestCommon(middleA, middleB));
  }
  ops.push(...a.slice(endA).map((text) => ({ kind: 'same' as const, text })));
  return grouped(ops);
}

/** The classic longest-common-subsequence table, read back from the start. */
function longestCommon(a: string[], b: string[]): DiffPart[] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const ops: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
      ops.push({ kind: 'removed', text: a[i++]! });
    } else {
      ops.push({ kind: 'added', text: b[j++]! });
    }
  }
  while (i < a.length) ops.push({ kind: 'removed', text: a[i++]! });
  while (j < b.length) ops.push({ kind: 'added', text: b[j++]! });
  return ops;
}

/** Runs of changes become one removal then one addition; a change of spaces alone is no change. */
function grouped(ops: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  const emit = (part: DiffPart) => {
    const last = out.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  };
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === 'same') {
      emit(ops[i++]!);
      continue;
    }
    let removed = '';
    let added = '';
    let kept = '';
    while (i < ops.length) {
      const op = ops[i]!;
      if (op.kind === 'same') {
        const next = ops[i + 1];
        if (!/^\s+$/.test(op.text) || !next || next.kind === 'same') break;
        removed += op.text;
        added += op.text;
      } else if (op.kind === 'removed') removed += op.text;
      else added += op.text;
      i++;
    }
    if (removed.trim() === '' && added.trim() === '') kept = added;
    if (kept) emit({ kind: 'same', text: kept });
    else {
      if (removed.trim()) emit({ kind: 'removed', text: removed });
      if (added.trim()) emit({ kind: 'added', text: added });
      else if (added) emit({ kind: 'same', text: added });
    }
  }
  return out;
}
