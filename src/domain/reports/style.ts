/** The report's CSS, scoped to `.tocsin-report`: the HTML page and the console show the body with it (print colours, in dark mode too). */
export const reportStyle = `
.tocsin-report{font-family:Helvetica,Arial,sans-serif;color:#111;background:#fff;line-height:1.45;max-width:60rem;margin:0 auto;padding:1.5rem}
.tocsin-report h1{font-size:1.6rem;margin:0 0 .8rem}.tocsin-report h2{font-size:1.25rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #c8c8c8}
.tocsin-report h3{font-size:1.05rem;margin:1.1rem 0 .4rem}.tocsin-report blockquote{margin:0 0 1rem;padding:.5rem .8rem;border-left:4px solid #b00020;background:#fbeaec}
.tocsin-report table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.9rem}.tocsin-report th,.tocsin-report td{border:1px solid #c8c8c8;padding:.25rem .45rem;text-align:left;vertical-align:top}
.tocsin-report th{background:#f0f0f0}.tocsin-report td[style*="right"],.tocsin-report th[style*="right"]{text-align:right}
.tocsin-report figure{margin:.6rem 0 1rem}.tocsin-report figcaption{font-size:.85rem;color:#555}
@media print{.tocsin-report{padding:0}.tocsin-report h2{break-after:avoid}.tocsin-report figure,.tocsin-report tr{break-inside:avoid}}`;
