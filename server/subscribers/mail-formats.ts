import { PUBLIC_STATUS_LABEL } from "@/lib/status/public-status";
import { headlineOf, type NoticeLinks, type SubscriberNotice } from "./formats";

// Subscribers' email: plain text and HTML, every message with RFC 8058 one-click unsubscribe and a manage link.

export type MailBody = { subject: string; text: string; html: string; headers: Record<string, string> };

const escapeHtml = (t: string) =>
  t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function unsubscribeHeaders(links: NoticeLinks): Record<string, string> {
  return {
    "List-Unsubscribe": `<${links.unsubscribe}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

function html(title: string, paragraphs: string[], footer: string): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 12px">${p}</p>`).join("");
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111;max-width:560px;margin:0 auto;padding:16px"><h1 style="font-size:18px">${escapeHtml(title)}</h1>${body}<hr style="border:0;border-top:1px solid #ddd;margin:16px 0"><p style="font-size:12px;color:#555">${footer}</p></body></html>`;
}

const footerText = (links: NoticeLinks) =>
  `Manage your subscription: ${links.manage}\nUnsubscribe: ${links.unsubscribe}`;
const footerHtml = (links: NoticeLinks) =>
  `<a href="${escapeHtml(links.manage)}">Manage your subscription</a> · <a href="${escapeHtml(links.unsubscribe)}">Unsubscribe</a>`;

export function confirmationMail(
  pageTitle: string,
  confirmUrl: string,
  links: NoticeLinks,
  ttlHours: number,
): MailBody {
  const subject = `Confirm your subscription to ${pageTitle} status`;
  const lines = [
    `Someone, hopefully you, asked to be told by email when ${pageTitle} has an incident or a status change.`,
    `Confirm within ${ttlHours} hours: ${confirmUrl}`,
    "If it was not you, ignore this message: nothing will be sent without a confirmation.",
  ];
  return {
    subject,
    text: `${lines.join("\n\n")}\n\n${footerText(links)}\n`,
    html: html(
      subject,
      [
        escapeHtml(lines[0]),
        `<a href="${escapeHtml(confirmUrl)}" style="display:inline-block;padding:8px 14px;background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none">Confirm subscription</a> (within ${ttlHours} hours)`,
        escapeHtml(lines[2]),
      ],
      footerHtml(links),
    ),
    headers: unsubscribeHeaders(links),
  };
}

export function noticeMail(n: SubscriberNotice, links: NoticeLinks): MailBody {
  const subject = `[${n.page.title}] ${headlineOf(n)}`;
  const lines: string[] = [];
  let url: string;
  if (n.kind === "incident") {
    url = n.incident.shortlink;
    const latest = n.incident.updates[0];
    lines.push(`Status: ${n.incident.status}. Impact: ${n.incident.impact}.`);
    if (latest) lines.push(latest.body);
  } else {
    url = n.page.url;
    const c = n.component;
    lines.push(`${c.name}: ${PUBLIC_STATUS_LABEL[c.oldStatus]} → ${PUBLIC_STATUS_LABEL[c.status]}.`);
  }
  return {
    subject,
    text: `${lines.join("\n\n")}\n\nDetails: ${url}\n\n${footerText(links)}\n`,
    html: html(
      subject,
      [...lines.map(escapeHtml), `<a href="${escapeHtml(url)}">View the status page</a>`],
      footerHtml(links),
    ),
    headers: unsubscribeHeaders(links),
  };
}
