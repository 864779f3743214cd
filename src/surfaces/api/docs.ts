import { html, raw } from 'hono/html';

interface OpenApiDocument {
  info: { title: string; description?: string };
  paths?: Record<string, Record<string, { summary?: string; description?: string; tags?: string[]; 'x-tocsin-permission'?: string }>>;
}

/** A readable index of the OpenAPI document, served without any script or outside asset. */
export function docsPage(document: OpenApiDocument) {
  const rows = Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({ method: method.toUpperCase(), path, ...operation })),
  );
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${document.info.title}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
code{font:13px ui-monospace,monospace}.m{font-weight:600}</style></head>
<body><h1>${document.info.title}</h1><p>${document.info.description ?? ''}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<table><thead><tr><th>Method</th><th>Path</th><th>What it does</th><th>Permission</th></tr></thead><tbody>
${raw(rows.map((row) => html`<tr><td class="m">${row.method}</td><td><code>${row.path}</code></td><td>${row.summary ?? ''}</td><td><code>${row['x-tocsin-permission'] ?? 'public'}</code></td></tr>`).join(''))}
</tbody></table></body></html>`;
}
