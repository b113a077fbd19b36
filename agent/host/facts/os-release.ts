// The OS name and version from os-release(5): /etc/os-release, else /usr/lib/os-release.
import type { FactSources } from "./sources";

export type OsFacts = { osName: string | null; osVersion: string | null };

/** KEY=value lines, values optionally quoted with shell escapes. */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (!match) continue;
    let value = match[2].trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1).replace(/\\(["'$`\\])/g, "$1");
    }
    out[match[1]] = value;
  }
  return out;
}

const clip = (text: string | undefined, max: number) => (text ? text.slice(0, max) : null);

export function readOsFacts(sources: Pick<FactSources, "readText">, root = "/"): OsFacts {
  const text = sources.readText(`${root}etc/os-release`) ?? sources.readText(`${root}usr/lib/os-release`);
  if (!text) return { osName: null, osVersion: null };
  const fields = parseOsRelease(text);
  return {
    osName: clip(fields.NAME || fields.ID, 100),
    osVersion: clip(fields.VERSION_ID || fields.VERSION || fields.BUILD_ID, 100),
  };
}
