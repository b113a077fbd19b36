// A small XML well-formedness check for the tests of the badge and the feed: balanced and properly nested
// tags, one root, quoted and unique attributes, only the predefined or numeric entities, no stray `<` or
// `&`, no characters XML cannot carry. It checks, it does not parse into a tree.

const NAME = "[A-Za-z_][\\w.:-]*";
const OPEN = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, "y");
const CLOSE = new RegExp(`</(${NAME})\\s*>`, "y");
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, "g");
const BAD_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function textError(text: string): string | null {
  if (BAD_AMPERSAND.test(text)) return `unescaped & in ${JSON.stringify(text.slice(0, 40))}`;
  if (text.includes("]]>")) return "]]> in text";
  return null;
}

/** Null when the document is well-formed, otherwise what is wrong with it. */
export function xmlWellFormednessError(xml: string): string | null {
  if (NOT_XML_CHAR.test(xml)) return "a character XML cannot carry";
  let i = 0;
  if (xml.startsWith("<?xml")) {
    const end = xml.indexOf("?>");
    if (end < 0) return "unterminated XML declaration";
    i = end + 2;
  }
  const stack: string[] = [];
  let roots = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length === 0 && text.trim() !== "") return "text outside the root element";
    const error = textError(text);
    if (error) return error;
    if (lt < 0) break;
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) return "unterminated comment";
      i = end + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt);
      if (stack.length === 0 || end < 0) return "misplaced or unterminated CDATA";
      i = end + 3;
      continue;
    }
    CLOSE.lastIndex = lt;
    const close = CLOSE.exec(xml);
    if (close) {
      const open = stack.pop();
      if (open !== close[1]) return `</${close[1]}> closes ${open ? `<${open}>` : "nothing"}`;
      i = CLOSE.lastIndex;
      continue;
    }
    OPEN.lastIndex = lt;
    const open = OPEN.exec(xml);
    if (!open) return `malformed markup at ${JSON.stringify(xml.slice(lt, lt + 40))}`;
    const seen = new Set<string>();
    for (const [, name, doubleQuoted, singleQuoted] of open[2].matchAll(ATTRIBUTE)) {
      if (seen.has(name)) return `attribute ${name} repeated`;
      seen.add(name);
      const valueError = textError(doubleQuoted ?? singleQuoted ?? "");
      if (valueError) return valueError;
    }
    if (stack.length === 0 && ++roots > 1) return "more than one root element";
    if (open[3] !== "/") stack.push(open[1]);
    i = OPEN.lastIndex;
  }
  if (stack.length > 0) return `<${stack.at(-1)}> is not closed`;
  if (roots !== 1) return "no root element";
  return null;
}
