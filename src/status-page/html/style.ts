import { uptimeWindowDays } from '../uptime.ts';

/*
 * The one stylesheet of the public page: system fonts, no asset, light and dark from the reader's
 * setting. o/d/p/m/u/n = operational, degraded, partial outage, major outage, maintenance, no data;
 * each sets --c (text color, 4.5:1 on the background), --b (bars and accents, 3:1, hues further
 * apart than the text ones) and --t (a tint behind text), in both themes.
 */
/** Bars a phone-sized screen shows: the most recent ones. */
export const phoneDays = 30;

export const stylesheet = `:root{color-scheme:light dark;--bg:#fff;--pn:#f6f8fa;--fg:#1f2328;--mu:#59636e;--ln:#d1d9e0;--a:#0550ae;--fc:#0969da;
--co:#1a7f37;--cd:#9a6700;--cp:#bc4c00;--cm:#cf222e;--cu:#0969da;--cn:#808a94;
--bd:#b08000;--bp:#d15704;--bm:#c21d2c;
--to:#e6f6ea;--td:#fcf3d9;--tp:#fdeee3;--tm:#fdebec;--tu:#e5f0fc}
@media (prefers-color-scheme:dark){:root{--bg:#101318;--pn:#171b22;--fg:#e6edf3;--mu:#9ba5b0;--ln:#30363d;--a:#7cb7ff;--fc:#7cb7ff;
--co:#3fb950;--cd:#d29922;--cp:#e3843f;--cm:#f47067;--cu:#539bf5;--cn:#6e7681;
--bd:#e3b341;--bp:#f0883e;--bm:#f85149;
--to:#13261b;--td:#2a2313;--tp:#2d1f14;--tm:#2f1a1b;--tu:#14223a}}
.o{--c:var(--co);--b:var(--co);--t:var(--to)}.d{--c:var(--cd);--b:var(--bd);--t:var(--td)}.p{--c:var(--cp);--b:var(--bp);--t:var(--tp)}.m{--c:var(--cm);--b:var(--bm);--t:var(--tm)}.u{--c:var(--cu);--b:var(--cu);--t:var(--tu)}.n{--c:var(--cn);--b:var(--cn);--t:var(--pn)}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:anywhere}
a{color:var(--a);text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--fc);outline-offset:2px;border-radius:2px}
.w{max-width:52rem;margin:0 auto;padding:0 1rem}
.skip{position:absolute;left:-100vw;top:.5rem;padding:.5rem 1rem;background:var(--bg);z-index:1}
.skip:focus{left:1rem}
.vh{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.top{border-bottom:1px solid var(--ln)}
.top .w{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1.5rem;padding-top:1rem;padding-bottom:1rem}
.brand{font-weight:700;font-size:1.125rem;color:var(--fg);text-decoration:none}
nav ul,.pager ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:0;padding:0}
nav [aria-current]{color:var(--fg);font-weight:600;text-decoration:none}
main.w{display:block;padding-top:2rem;padding-bottom:3rem}
h1{font-size:1.625rem;line-height:1.25;margin:0 0 1.25rem}
h2{font-size:1.25rem;line-height:1.3;margin:2.75rem 0 1rem}
h3{font-size:1.0625rem;line-height:1.35;margin:0}
p{margin:.5rem 0}
.banner{border-left:.375rem solid var(--b);background:var(--t);border-radius:.5rem;padding:1.25rem 1.5rem}
.banner h1{margin:0;font-size:1.5rem}
.banner p,.meta,.cd,.axis,.empty,footer{color:var(--mu)}
.banner p{margin:.375rem 0 0;font-size:.9375rem}
.meta{font-size:.9375rem}
.card{border:1px solid var(--ln);border-left:.375rem solid var(--b);border-radius:.5rem;padding:1rem 1.25rem;margin:0 0 1rem}
.card h2{margin:0}
.promise{display:inline-block;background:var(--tu);border-radius:.375rem;padding:.25rem .625rem;font-weight:600}
.tl{list-style:none;margin:1rem 0 0;padding:0 0 0 1.25rem;border-left:2px solid var(--ln)}
.tl>li{position:relative;margin:0 0 1.25rem}
.tl>li:last-child{margin-bottom:0}
.tl>li::before{content:"";position:absolute;left:calc(-1.25rem - 7px);top:.5rem;width:8px;height:8px;border-radius:50%;background:var(--bg);border:2px solid var(--mu)}
.uh{margin:0}.uh strong{margin-right:.5rem}.uh time{color:var(--mu);font-size:.9375rem}
.ub p{margin:.25rem 0}
.ub ul,.ub ol{margin:.25rem 0;padding-left:1.5rem}
.ub blockquote{margin:.5rem 0;padding-left:1rem;border-left:3px solid var(--ln)}
.ub code{font:.875em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--pn);border-radius:.25rem;padding:.1em .3em}
.ub pre{background:var(--pn);border-radius:.375rem;padding:.75rem;white-space:pre-wrap;overflow-x:auto}
.ub pre code{padding:0}
.ua{list-style:none;margin:.25rem 0 0;padding:0;font-size:.875rem;color:var(--mu)}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0 0 1rem;padding:0;font-size:.875rem;color:var(--mu)}
.legend i{display:inline-block;width:.75rem;height:.75rem;border-radius:2px;margin-right:.375rem;vertical-align:-.05em;background:var(--b)}
.grp{margin:0 0 1.5rem}
.gh{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:0 1rem;margin:0 0 .5rem}
.gh span{color:var(--mu);font-size:.875rem}
.grp>.cd{margin:-.25rem 0 .5rem}
.cmp{list-style:none;margin:0;padding:0;border:1px solid var(--ln);border-radius:.5rem}
.cmp>li{padding:.875rem 1rem;border-top:1px solid var(--ln)}
.cmp>li:first-child{border-top:0}
.ch{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 1rem}
.cn{font-weight:600}
.st{font-weight:600;color:var(--c)}
.cd{margin:.125rem 0 0;font-size:.9375rem}
.bars{display:flex;gap:2px;height:2.25rem;margin:.625rem 0 .25rem}
.bars i{flex:1;min-width:0;border-radius:2px;background:var(--co)}
.bars i[class]{background:var(--b)}
.bars i:hover{opacity:.7}
.axis{display:flex;justify-content:space-between;gap:.5rem;margin:0;font-size:.8125rem;overflow-wrap:normal}
.d30{display:none}
details{margin:.375rem 0 0;font-size:.9375rem}
summary{cursor:pointer;color:var(--a)}
.days{margin:.375rem 0 0;padding-left:1.25rem}
.list{list-style:none;margin:0;padding:0}
.list>li{padding:.625rem 0;border-top:1px solid var(--ln)}
.list>li:first-child{border-top:0}
.list .meta{margin:.125rem 0 0}
.facts{display:flex;flex-wrap:wrap;gap:.5rem 2rem;margin:0 0 1rem}
.facts dt{font-size:.875rem;color:var(--mu)}
.facts dd{margin:0}
.cl{list-style:none;margin:0;padding:0}
.cl>li{border:1px solid var(--ln);border-left:.375rem solid var(--cu);border-radius:.5rem;padding:1rem 1.25rem;margin:0 0 1rem}
.cl h2,.cl h3{margin:0 0 .5rem}
.cl dl{margin:0}
.cl dt{font-size:.875rem;color:var(--mu);margin:.625rem 0 0}
.cl dt:first-child{margin-top:0}
.cl dd{margin:0}
.cl blockquote{margin:0;padding-left:.75rem;border-left:2px solid var(--ln)}
.cal{width:100%;border-collapse:collapse;table-layout:fixed;margin:0 0 1.25rem;font-size:.875rem}
.cal th{padding:.25rem;font-weight:600;color:var(--mu);text-align:left}
.cal abbr{text-decoration:none}
.cal td{height:3.5rem;vertical-align:top;border:1px solid var(--ln);padding:.25rem .375rem}
.cal td.mt{background:var(--tu)}
.cal td[aria-current]{outline:2px solid var(--fg);outline-offset:-2px}
.cal td[aria-current] .dn{font-weight:700}
.cal .dn{display:block;color:var(--mu)}
.cal td a{display:block;font-size:.8125rem;line-height:1.3;margin-top:.125rem}
.pager{margin:2.5rem 0 0}
.pager ul{gap:.25rem .5rem;align-items:center}
.pager a{display:inline-block;min-width:2.25rem;padding:.375rem .5rem;text-align:center}
.pager [aria-current]{font-weight:700;color:var(--fg);text-decoration:none}
footer.w{border-top:1px solid var(--ln);padding-top:1rem;padding-bottom:2rem;font-size:.875rem}
.sub{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.75rem 1rem;margin:1rem 0 0}
.sub label{display:block;font-size:.9375rem;margin:0 0 .25rem}
.sub input,.sub select,.sub button{font:inherit;min-height:2.75rem;border-radius:.375rem;padding:.5rem .75rem;border:1px solid var(--mu);background:var(--bg);color:var(--fg)}
.sub input{width:min(22rem,calc(100vw - 2rem))}
.sub button{background:var(--a);border-color:var(--a);color:var(--bg);font-weight:600;cursor:pointer}
.widget{padding:.5rem .75rem;font-size:.875rem;line-height:1.4}
.widget p{margin:0}
.widget .st{text-decoration:none;font-size:1rem}
.widget .st:hover{text-decoration:underline}
.widget .st::before{content:"";display:inline-block;width:.625rem;height:.625rem;border-radius:50%;background:var(--b);margin-right:.5rem}
@media (max-width:40rem){
h1{font-size:1.375rem}.banner{padding:1rem 1.125rem}.banner h1{font-size:1.25rem}
.card{padding:.875rem 1rem}
.bars{gap:1px}.bars i:nth-child(-n+${uptimeWindowDays - phoneDays}){display:none}.d90{display:none}.d30{display:inline}
.cal td{height:3rem;padding:.125rem .25rem}.cal td a{overflow:hidden;white-space:nowrap;text-overflow:ellipsis;font-size:.75rem;line-height:1.5rem}
}
`;
