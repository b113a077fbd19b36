// The SVG status badge a status page offers for READMEs and dashboards, drawn like the common
// "label | status" badges: a grey label box and a box in the status colour.
import { PUBLIC_STATUS_COLOR, PUBLIC_STATUS_LABEL, type PublicStatus } from "./public-status";
import { escapeXml, xmlSafeText } from "./xml";

/** For a satellite not shown publicly (never seen, decommissioned): no colour claims anything. */
const NO_STATUS_COLOR = "#6b7280";
const NO_STATUS_MESSAGE = "Unknown";
const LABEL_COLOR = "#555";
const HEIGHT = 20;
const PADDING = 5; // each side of a text

// Rough advance widths of Verdana at 11 px (DejaVu Sans is close). The font is not available to measure
// on the server, and `textLength` below makes viewers fit the text to these widths anyway.
function charWidth(codePoint: number): number {
  const c = String.fromCodePoint(codePoint);
  if (codePoint >= 0x2e80) return 11; // CJK, fullwidth forms, emoji: about square
  if ("ijlI!|.,:;'`".includes(c)) return 3.5;
  if (" frt()[]{}/\\-".includes(c)) return 4.5;
  if ("mwMW@%".includes(c)) return 10;
  if (c >= "A" && c <= "Z") return 7.5;
  if (c >= "0" && c <= "9") return 7;
  return 6.5;
}

/** Estimated width in px of text set in the badge font. */
export function textWidth(text: string): number {
  let width = 0;
  for (const c of text) width += charWidth(c.codePointAt(0) ?? 0);
  return Math.round(width * 10) / 10;
}

export type BadgeInput = {
  /** Left-hand text, e.g. the status page title; empty for a status-only badge. */
  label: string;
  /** null for a satellite that is not shown publicly. */
  status: PublicStatus | null;
  /** Right-hand text; the status label by default. */
  message?: string;
};

/** A self-contained SVG document (serve as image/svg+xml). */
export function renderBadge({ label, status, message }: BadgeInput): string {
  const labelText = xmlSafeText(label).trim();
  const messageText = xmlSafeText(
    message ?? (status ? PUBLIC_STATUS_LABEL[status] : NO_STATUS_MESSAGE),
  ).trim();
  const color = status ? PUBLIC_STATUS_COLOR[status] : NO_STATUS_COLOR;
  const labelTextWidth = labelText ? textWidth(labelText) : 0;
  const messageTextWidth = textWidth(messageText);
  const labelWidth = labelText ? Math.ceil(labelTextWidth) + 2 * PADDING : 0;
  const messageWidth = Math.ceil(messageTextWidth) + 2 * PADDING;
  const width = labelWidth + messageWidth;
  const title = escapeXml(labelText ? `${labelText}: ${messageText}` : messageText);

  // Each text twice: a faint dark copy one pixel lower as a shadow, then the white text.
  const text = (content: string, centre: number, length: number) => {
    const escaped = escapeXml(content);
    const attrs = `x="${centre}" textLength="${length}" lengthAdjust="spacingAndGlyphs"`;
    return (
      `<text aria-hidden="true" ${attrs} y="15" fill="#010101" fill-opacity=".3">${escaped}</text>` +
      `<text ${attrs} y="14">${escaped}</text>`
    );
  };

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
    `<clipPath id="r"><rect width="${width}" height="${HEIGHT}" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)">`,
    labelWidth > 0 ? `<rect width="${labelWidth}" height="${HEIGHT}" fill="${LABEL_COLOR}"/>` : "",
    `<rect x="${labelWidth}" width="${messageWidth}" height="${HEIGHT}" fill="${color}"/>`,
    `<rect width="${width}" height="${HEIGHT}" fill="url(#s)"/>`,
    `</g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="11">`,
    labelWidth > 0 ? text(labelText, labelWidth / 2, labelTextWidth) : "",
    text(messageText, labelWidth + messageWidth / 2, messageTextWidth),
    `</g>`,
    `</svg>`,
  ].join("");
}
