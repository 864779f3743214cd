import { ApiError, api, type FieldProblem } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';

export interface ImportProgress {
  rows: number;
  imported: number;
  existing: number;
  rejected: number;
}

export interface ImportReport extends ImportProgress {
  errors: { row: number; reason: string }[];
}

interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldProblem[];
}

function problemError(problem: Problem, status: number): ApiError {
  return new ApiError(problem.status ?? status, problem.type ?? 'about:blank', problem.title ?? '', problem.detail ?? '', problem.errors ?? []);
}

/**
 * Sends the file to the import route and reads its answer as it comes: one JSON line per batch of
 * rows written, then the report (or the problem, when the import stopped after it had begun).
 */
export async function importSubscribers(pageId: string, file: Blob, onProgress: (progress: ImportProgress) => void): Promise<ImportReport> {
  // The shared client sends JSON; this upload is the file itself, with the session's CSRF token.
  const { csrf_token } = await api.get<{ csrf_token: string | null }>('/api/session/current');
  const response = await fetch(`/api/admin/pages/${encodeURIComponent(pageId)}/subscribers/import`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson', 'accept-language': currentLanguage(), ...(csrf_token ? { 'x-csrf-token': csrf_token } : {}) },
    body: file,
  });
  if (!response.ok || !response.body) {
    const text = await response.text();
    let problem: Problem = { detail: text.slice(0, 300) };
    try {
      problem = JSON.parse(text) as Problem;
    } catch {
      // Not problem+json (a proxy's page): its first words are the detail.
    }
    throw problemError(problem, response.status);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += value ?? '';
    const lines = buffered.split('\n');
    buffered = done ? '' : lines.pop()!;
    for (const line of lines) {
      if (!line.trim()) continue;
      const message = JSON.parse(line) as ({ type: 'progress' } & ImportProgress) | ({ type: 'report' } & ImportReport) | { type: 'error'; problem: Problem };
      if (message.type === 'progress') onProgress(message);
      else if (message.type === 'report') return message;
      else throw problemError(message.problem, 500);
    }
    // The connection ended before the report: the console says it did not work, in its own words.
    if (done) throw new Error('import ended without its report');
  }
}

/** About how many data rows a CSV file holds (its line breaks, less the header), read in pieces. */
export async function estimateRows(file: Blob): Promise<number> {
  const reader = file.stream().getReader();
  let lines = 0;
  let last = 10;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const byte of value) if (byte === 10) lines++;
    if (value.length > 0) last = value[value.length - 1]!;
  }
  if (last !== 10) lines++;
  return Math.max(lines - 1, 0);
}
