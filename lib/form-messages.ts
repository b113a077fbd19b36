// The one map from zod issues to sentences a person reads: "Service is required", "Name must be at most 100
// characters", "Allowed origin 1 must be a full URL such as https://example.com". A field's label comes from
// its schema (`.meta({ label })`, found along the issue's path), or else from its name ("allowedOrigins[0]"
// reads "Allowed origin 1"). A schema's own fragment ("is not a service name") gets the label; its own
// instruction ("pick at least one satellite") becomes a sentence.
import { z } from "zod";

/** What a zod issue carries that the sentences need; zod's own issues fit it. */
export type IssueLike = {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: string;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: readonly unknown[];
  keys?: readonly string[];
  divisor?: number | bigint;
  prefix?: string;
  suffix?: string;
  includes?: string;
};

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  items?: z.ZodType[];
  getter?: () => z.ZodType;
};
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A schema and what it wraps (optional, default, preprocess, transform…), outermost first. */
function layers(schema: z.ZodType, depth = 0): z.ZodType[] {
  if (depth > 8) return [schema];
  const def = defOf(schema);
  const inner = [def.innerType, def.in, def.out, def.getter?.()].filter((s): s is z.ZodType => !!s);
  return [schema, ...inner.flatMap((s) => layers(s, depth + 1))];
}

function metaLabel(schema: z.ZodType): string | undefined {
  for (const layer of layers(schema)) {
    const label = z.globalRegistry.get(layer)?.label;
    if (typeof label === "string" && label) return label;
  }
  return undefined;
}

function child(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  for (const layer of layers(schema)) {
    const def = defOf(layer);
    if (def.type === "object" && typeof key === "string" && def.shape?.[key]) return def.shape[key];
    if (def.type === "array" && typeof key === "number") return def.element;
    if (def.type === "tuple" && typeof key === "number") return def.items?.[key];
    if (def.type === "record") return def.valueType;
    if (def.type === "union")
      for (const option of def.options ?? []) {
        const found = child(option, key);
        if (found) return found;
      }
  }
  return undefined;
}

const WORDS: Record<string, string> = {
  id: "ID",
  ids: "IDs",
  url: "URL",
  urls: "URLs",
  mbps: "Mbps",
  cpu: "CPU",
  gb: "GB",
  tb: "TB",
  mb: "MB",
  ip: "IP",
  api: "API",
  rtt: "RTT",
  pct: "%",
  lat: "latitude",
  lon: "longitude",
};

/** "allowedOrigins" → "Allowed origins", "cpuCores" → "CPU cores", "satelliteIds" → "Satellite IDs". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .split(/\s+/)
    .map((w) => WORDS[w.toLowerCase()] ?? w.toLowerCase());
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Allowed origins" → "Allowed origin": the name of one entry of a list. */
function singular(label: string): string {
  if (/ies$/.test(label)) return label.replace(/ies$/, "y");
  if (/(ss|us)$/.test(label) || !/s$/.test(label)) return label;
  return label.replace(/s$/, "");
}

/**
 * The label of the field at `path`: the nearest `.meta({ label })` along it, else its name in words. A list
 * entry is the list's singular with its 1-based number; a map entry is named by its key.
 */
export function labelFor(path: readonly PropertyKey[], schema?: z.ZodType): string {
  let label = "This request";
  let node: z.ZodType | undefined = schema;
  for (const key of path) {
    const isEntry = !!node && layers(node).some((l) => defOf(l).type === "record");
    node = node ? child(node, key) : undefined;
    const own = node ? metaLabel(node) : undefined;
    if (typeof key === "number") label = own ? `${own} ${key + 1}` : `${singular(label)} ${key + 1}`;
    else if (isEntry) label = `${singular(label)} "${String(key)}"`;
    else label = own ?? humanize(String(key));
  }
  return label;
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  boolean: "yes or no",
  array: "a list",
  object: "a set of fields",
  date: "a date",
  record: "a set of fields",
};

const FORMAT_WORDS: Record<string, string> = {
  url: "must be a full URL such as https://example.com",
  email: "must be an email address such as name@example.com",
  datetime: "must be a date and time such as 2026-11-28T09:30:00Z",
  date: "must be a date such as 2026-11-28",
  time: "must be a time such as 09:30",
  uuid: "must be an ID",
  cuid: "must be an ID",
  cuid2: "must be an ID",
  ipv4: "must be an IP address such as 192.0.2.10",
  ipv6: "must be an IPv6 address",
  cidrv4: "must be a network such as 192.0.2.0/24",
  regex: "is not in the expected format",
};

const n = (v: number | bigint | undefined) =>
  typeof v === "bigint" ? v.toLocaleString("en") : (v ?? 0).toLocaleString("en");
const listOf = (values: readonly unknown[]) => {
  const shown = values.map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
  return shown.length <= 1 ? shown.join("") : `${shown.slice(0, -1).join(", ")} or ${shown.at(-1)}`;
};

function sizeSentence(issue: IssueLike, isMax: boolean): string {
  const bound = isMax ? issue.maximum : issue.minimum;
  const exact = issue.inclusive === false;
  const num = Number(bound ?? 0);
  switch (issue.origin) {
    case "string":
      if (!isMax && num <= 1) return "is required";
      return `must be at ${isMax ? "most" : "least"} ${n(exact ? (isMax ? num - 1 : num + 1) : bound)} characters`;
    case "array":
    case "set":
      if (!isMax && num <= 1) return "needs at least one entry";
      return isMax ? `may have at most ${n(bound)} entries` : `needs at least ${n(bound)} entries`;
    case "date":
      return isMax ? "is too late" : "is too early";
    default:
      if (exact) return `must be ${isMax ? "less" : "more"} than ${n(bound)}`;
      return `must be at ${isMax ? "most" : "least"} ${n(bound)}`;
  }
}

/** The predicate of zod's own message for an issue: "is required", "must be at most 100 characters". */
function predicate(issue: IssueLike): string {
  switch (issue.code) {
    case "invalid_type": {
      const received = /received (\w+)$/.exec(issue.message)?.[1];
      if (received === "undefined" || received === "null") return "is required";
      return `must be ${TYPE_WORDS[issue.expected ?? ""] ?? "something else"}`;
    }
    case "too_big":
      return sizeSentence(issue, true);
    case "too_small":
      return sizeSentence(issue, false);
    case "invalid_format":
      if (issue.format === "starts_with") return `must start with "${issue.prefix}"`;
      if (issue.format === "ends_with") return `must end with "${issue.suffix}"`;
      if (issue.format === "includes") return `must contain "${issue.includes}"`;
      return FORMAT_WORDS[issue.format ?? ""] ?? "is not in the expected format";
    case "invalid_value":
      return (issue.values?.length ?? 0) === 1
        ? `must be ${listOf(issue.values ?? [])}`
        : `must be one of ${listOf(issue.values ?? [])}`;
    case "not_multiple_of":
      return `must be a multiple of ${n(issue.divisor)}`;
    case "unrecognized_keys":
      return `has fields Orrery does not know: ${(issue.keys ?? []).join(", ")}`;
    case "invalid_key":
    case "invalid_element":
      return "has an entry that is not valid";
    default:
      return "is not valid";
  }
}

/** zod's English defaults all start like these; a schema's own message does not. */
const ZOD_DEFAULT =
  /^(Invalid input|Invalid option|Invalid string|Invalid (URL|email|ISO|UUID|GUID|cuid|date|key|element|IPv|number)|Too big|Too small|Unrecognized key|Invalid$)/;

/** A schema's fragment that reads after the label: "is not a service name", "must be 3 to 40 letters". */
const PREDICATE =
  /^(is|are|must|may|can|cannot|can't|has|have|needs|need|should|was|were|does|do|takes|lies|matches|names|already|no longer|not)\b/;

/** One issue as the sentence shown beside its field and in the form's summary. */
export function messageFor(issue: IssueLike, label: string): string {
  const custom = issue.message.trim();
  if (!custom || ZOD_DEFAULT.test(custom)) return `${label} ${predicate(issue)}`;
  if (PREDICATE.test(custom)) return `${label} ${custom}`;
  // Already a sentence, or an instruction ("pick at least one satellite") that reads as one.
  return custom.charAt(0).toUpperCase() + custom.slice(1);
}

/** A form's summary line from its field sentences: the first few, then how many more. */
export function summarize(sentences: readonly string[]): string {
  const unique = [...new Set(sentences)];
  const shown = unique.slice(0, 3).map((s) => (/[.!?]$/.test(s) ? s : `${s}.`));
  const more = unique.length - shown.length;
  return `${shown.join(" ")}${more > 0 ? ` And ${more} more ${more === 1 ? "field needs" : "fields need"} a fix.` : ""}`;
}
