import type { ReactNode } from "react";

/** `code` spans within a line of the document's text. */
function inline(text: string): ReactNode[] {
  return text
    .split(/(`[^`]+`)/g)
    .map((part, i) =>
      part.startsWith("`") && part.endsWith("`") && part.length > 1 ? (
        <code key={i}>{part.slice(1, -1)}</code>
      ) : (
        part
      ),
    );
}

/**
 * The document's descriptions as paragraphs and bullet lists: the small Markdown subset they are written in
 * (blank lines, "- " items with indented continuations, backticks). Anything else shows as plain text.
 */
export function Prose({ text, className }: { text: string | undefined; className?: string }) {
  if (!text) return null;
  const blocks = text.trim().split(/\n\s*\n/);
  return (
    <div className={className}>
      {blocks.map((block, i) => {
        const lines = block.split("\n");
        if (lines[0].startsWith("- ")) {
          const items: string[] = [];
          for (const line of lines) {
            if (line.startsWith("- ")) items.push(line.slice(2));
            else items[items.length - 1] += ` ${line.trim()}`;
          }
          return (
            <ul key={i}>
              {items.map((item, j) => (
                <li key={j}>{inline(item)}</li>
              ))}
            </ul>
          );
        }
        return <p key={i}>{inline(lines.map((l) => l.trim()).join(" "))}</p>;
      })}
    </div>
  );
}
