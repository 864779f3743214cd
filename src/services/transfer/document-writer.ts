import type { ExportPart } from './export-workspace.ts';
import type { WorkspaceDocument, WorkspaceHeader } from './format.ts';

/**
 * Turns export parts into the text of one JSON document, written as the parts come: the header
 * indented, then one row per line (diffs of two exports stay readable).
 */
export function documentJsonWriter(writeText: (text: string) => Promise<void> | void): (part: ExportPart) => Promise<void> | void {
  let tables = 0;
  let rowsInTable = 0;
  const closeTable = () => (tables === 0 ? '' : rowsInTable === 0 ? '],' : '\n    ],');
  return (part) => {
    switch (part.type) {
      case 'header': {
        const { members, ...rest } = part.header;
        const fields = Object.entries(rest).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')},\n`);
        const people = members.map((member) => `\n    ${JSON.stringify(member)}`).join(',');
        return writeText(`{\n${fields.join('')}  "members": [${people}${members.length > 0 ? '\n  ' : ''}],\n  "tables": {`);
      }
      case 'table': {
        const text = `${closeTable()}\n    ${JSON.stringify(part.table)}: [`;
        tables += 1;
        rowsInTable = 0;
        return writeText(text);
      }
      case 'rows': {
        const text = part.rows.map((row, index) => `${rowsInTable + index === 0 ? '' : ','}\n      ${JSON.stringify(row)}`).join('');
        rowsInTable += part.rows.length;
        return writeText(text);
      }
      case 'end':
        return writeText(`${closeTable().replace(/,$/, '')}\n  }\n}\n`);
    }
  };
}

/** Keeps export parts as a document in memory: for tests and small workspaces. */
export function documentCollector(): { write: (part: ExportPart) => void; document: () => WorkspaceDocument } {
  let header: WorkspaceHeader | undefined;
  const tables: Record<string, Record<string, unknown>[]> = {};
  let isComplete = false;
  return {
    write(part) {
      switch (part.type) {
        case 'header':
          header = part.header;
          return;
        case 'table':
          tables[part.table] = [];
          return;
        case 'rows':
          tables[part.table]!.push(...part.rows);
          return;
        case 'end':
          isComplete = true;
          return;
      }
    },
    document() {
      if (!header || !isComplete) throw new Error('The export has not finished.');
      return asDocument({ ...header, tables });
    },
  };
}

// The exporter writes one 'table' part per entry of workspaceTables, with that table's rows.
function asDocument(value: WorkspaceHeader & { tables: Record<string, Record<string, unknown>[]> }): WorkspaceDocument {
  return value as unknown as WorkspaceDocument;
}
