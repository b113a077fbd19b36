export type SearchParams = Record<string, string | string[] | undefined>;

/** Rebuilds a query string with some keys changed; undefined or empty removes a key. */
export function withParams(
  params: SearchParams,
  changes: Record<string, string | number | undefined>,
): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key in changes || value === undefined) continue;
    for (const v of ([] as string[]).concat(value)) if (v !== "") out.append(key, v);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined && value !== "") out.set(key, String(value));
  }
  const text = out.toString();
  return text ? `?${text}` : "";
}

export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
