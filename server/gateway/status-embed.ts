import { createHash } from "node:crypto";
import { renderBadge } from "@/lib/status/badge";
import { PUBLIC_STATUS_COLOR, PUBLIC_STATUS_LABEL } from "@/lib/status/public-status";
import { sortWorstFirst } from "@/lib/status/worst-first";
import { escapeXml } from "@/lib/status/xml";
import { keyQuery } from "../status/access";
import type { StatusSnapshot } from "../status/snapshot";

// The embed widget and the page's badge: the same words for the same status (a page's overall status is
// its indicator's sentence, a region's or a satellite's the status label), the regions worst first.

/** What the badge and the widget say about the page as a whole: the sentence the public page shows. */
export function overallWords(snapshot: StatusSnapshot): string {
  return snapshot.document.description;
}

/** The page's own badge: its title, and its overall status in the widget's words. */
export function pageBadge(snapshot: StatusSnapshot): string {
  const doc = snapshot.document;
  return renderBadge({ label: doc.page.title, status: doc.overall, message: overallWords(snapshot) });
}

/**
 * Tells the framing page the widget's height whenever it changes, as `{ type: "orrery:resize", height }`,
 * posted only to the origins the status page allows to embed it (the browser drops a message whose target
 * origin is not the parent's). The origins come from the document, so this text, and its hash, never change.
 */
const RESIZE_SCRIPT = `(function(){var o=JSON.parse(document.documentElement.getAttribute("data-origins")||"[]");if(window.parent===window||!o.length)return;var last=0;function send(){var h=Math.ceil(document.documentElement.getBoundingClientRect().height);if(h===last)return;last=h;for(var i=0;i<o.length;i++)window.parent.postMessage({type:"orrery:resize",height:h},o[i])}new ResizeObserver(send).observe(document.documentElement);send()})();`;
const RESIZE_SCRIPT_HASH = `'sha256-${createHash("sha256").update(RESIZE_SCRIPT).digest("base64")}'`;

/** Origins a page may be framed by; anything malformed is dropped rather than widening the policy. */
export function embedOrigins(origins: string[]): string[] {
  return origins.filter((o) => /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(o));
}

/** The widget's policy: no script but the resize one, framed only by the page's origins and this core. */
export function embedPolicy(snapshot: StatusSnapshot): string {
  const ancestors = ["'self'", ...embedOrigins(snapshot.page.allowedOrigins)].join(" ");
  return `default-src 'none'; style-src 'unsafe-inline'; script-src ${RESIZE_SCRIPT_HASH}; img-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`;
}

export function embedHtml(snapshot: StatusSnapshot, base: string, theme: "light" | "dark" | "auto"): string {
  const doc = snapshot.document;
  const e = escapeXml;
  const accent = /^#[0-9a-f]{6}$/i.test(doc.page.accentColor ?? "")
    ? (doc.page.accentColor as string)
    : "#4f46e5";
  const overall = doc.overall;
  const regions = sortWorstFirst(doc.regions)
    .map(
      (r) =>
        `<li><span class="dot" style="background:${PUBLIC_STATUS_COLOR[r.status]}"></span><span class="name">${e(r.name)}</span><span class="st">${e(PUBLIC_STATUS_LABEL[r.status])}</span></li>`,
    )
    .join("");
  const incidents = doc.activeIncidents
    .slice(0, 3)
    .map((i) => `<li><strong>${e(i.title)}</strong> <span class="st">${e(i.status)}</span></li>`)
    .join("");
  const scheme = theme === "auto" ? "light dark" : theme;
  // The core's own origin too, so the admin screen's preview sizes itself like any host page.
  const origins = [...new Set([new URL(base).origin, ...embedOrigins(snapshot.page.allowedOrigins)])];
  return `<!doctype html><html lang="en" data-origins="${e(JSON.stringify(origins))}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="60"><title>${e(doc.page.title)} status</title><style>
:root{color-scheme:${scheme};--bg:light-dark(#fff,#151b23);--fg:light-dark(#18202b,#e6eaf0);--mute:light-dark(#536073,#a4afbf);--line:light-dark(#e2e6ec,#27303d)}
*{box-sizing:border-box}body{margin:0;font:13px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg)}
.w{border:1px solid var(--line);border-radius:10px;overflow:hidden}.h{display:flex;align-items:center;gap:8px;padding:10px 12px;border-top:3px solid ${accent}}
.h strong{flex:1;min-width:0}.pill{color:#fff;border-radius:999px;padding:2px 9px;font-size:12px;font-weight:600;white-space:nowrap;background:${PUBLIC_STATUS_COLOR[overall]}}
ul{list-style:none;margin:0;padding:4px 12px 8px}li{display:flex;align-items:center;gap:8px;padding:3px 0;border-top:1px solid var(--line)}li:first-child{border-top:0}
.dot{width:9px;height:9px;border-radius:50%;flex:none}.name{flex:1;min-width:0}.st{color:var(--mute);font-size:12px;white-space:nowrap}.inc{border-top:1px solid var(--line)}
.f{display:flex;justify-content:space-between;padding:7px 12px;border-top:1px solid var(--line);color:var(--mute);font-size:11.5px}a{color:${accent}}
</style></head><body><div class="w"><div class="h"><strong>${e(doc.page.title)}</strong><span class="pill">${e(overallWords(snapshot))}</span></div>
<ul>${regions || '<li><span class="st">No satellites on this page yet.</span></li>'}</ul>${incidents ? `<ul class="inc">${incidents}</ul>` : ""}
<div class="f"><span>Updated ${e(doc.generatedAt.slice(11, 16))} UTC</span><a href="${e(`${base}/status/${doc.page.slug}${keyQuery(snapshot)}`)}" target="_blank" rel="noopener">Full status →</a></div></div><script>${RESIZE_SCRIPT}</script></body></html>`;
}
