import { ApiError } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';

/**
 * Downloads a gesture's eligible customers, reading the CSV as it streams: the server says how many
 * rows to expect (X-Eligible-Count), each line read moves the progress on. Then the browser saves it.
 */
export async function exportEligible(path: string, fileName: string, onProgress: (done: number, total: number) => void): Promise<number> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'text/csv', 'accept-language': currentLanguage() } });
  if (!response.ok || !response.body) {
    const text = await response.text();
    let problem: { type?: string; title?: string; detail?: string } = { detail: text.slice(0, 300) };
    try {
      problem = JSON.parse(text) as typeof problem;
    } catch {
      // Not problem+json: its first words are the detail.
    }
    throw new ApiError(response.status, problem.type ?? 'about:blank', problem.title ?? '', problem.detail ?? '');
  }
  const total = Number(response.headers.get('x-eligible-count') ?? 0);
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let lines = 0;
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    for (const byte of value) if (byte === 10) lines += 1;
    // The header is the first line; addresses hold no line break.
    onProgress(Math.max(0, lines - 1), total);
  }
  const rows = Math.max(0, lines - 1);
  onProgress(rows, total);
  const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return rows;
}
