// How labels are kept for filtering: "|pair|pair|" with each key=value pair encoded so that only lower-case
// letters, digits and = . / - remain, and every other byte is "~" and two hex digits. A portable LIKE
// match on the encoded text is then exact on every database: no character is a wildcard (_ and % are
// encoded) and no case folding applies (upper-case letters are encoded too).
const PLAIN = /[a-z0-9=./-]/;
const utf8 = new TextEncoder();

export function encodeLabelPair(pair: string): string {
  let out = "";
  for (const ch of pair) {
    if (PLAIN.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of utf8.encode(ch)) out += `~${byte.toString(16).padStart(2, "0")}`;
  }
  return out;
}

export function decodeLabelPair(encoded: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    if (encoded[i] === "~") {
      bytes.push(parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(encoded.charCodeAt(i));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The stored filter text of a set of labels. */
export function labelTextOf(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(([k, v]) => encodeLabelPair(`${k}=${v}`));
  return pairs.length ? `|${pairs.join("|")}|` : "";
}

/** The pattern a `key=value` filter looks for in the stored text. */
export function labelNeedle(pair: string): string {
  return `|${encodeLabelPair(pair)}|`;
}

export function labelPairsOf(text: string): string[] {
  return text.split("|").filter(Boolean).map(decodeLabelPair);
}
