// Text for the XML that status pages serve (the SVG badge, the Atom feed), built from strings people typed.

// Characters XML 1.0 cannot carry at all, not even escaped: C0 controls other than tab/newline/return,
// lone surrogates, U+FFFE and U+FFFF. They are dropped so a stray one in a title cannot break a feed.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text without the characters XML cannot carry. */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

/** Escaped for element content and for attribute values in either quote style. */
export function escapeXml(text: string): string {
  return xmlSafeText(text).replace(/[&<>"']/g, (c) => ENTITY[c]);
}
