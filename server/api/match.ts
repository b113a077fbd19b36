import type { ApiMethod, Operation } from "./operation";

type Compiled = { op: Operation; pattern: RegExp; keys: string[]; literal: number };
export type CompiledTable = readonly Compiled[];

/** Path templates compiled once; a literal segment beats a parameter ("/rollouts/active" over "/rollouts/{id}"). */
export function compile(ops: readonly Operation[]): Compiled[] {
  return ops
    .map((op) => {
      const keys: string[] = [];
      const source = op.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_m, key: string) => {
        keys.push(key);
        return "([^/]+)";
      });
      const literal = op.path.split("/").filter((s) => s && !s.startsWith("{")).length;
      return { op, pattern: new RegExp(`^${source}$`), keys, literal };
    })
    .sort((a, b) => b.literal - a.literal);
}

export type Match =
  | { kind: "found"; op: Operation; params: Record<string, string> }
  | { kind: "method"; allow: ApiMethod[] }
  | { kind: "none" };

export function match(table: readonly Compiled[], method: string, path: string): Match {
  const hits = table.filter((c) => c.pattern.test(path));
  if (hits.length === 0) return { kind: "none" };
  const hit =
    hits.find((c) => c.op.method === method) ??
    (method === "HEAD" ? hits.find((c) => c.op.method === "GET") : undefined);
  if (!hit) return { kind: "method", allow: [...new Set(hits.map((c) => c.op.method))] };
  const found = hit.pattern.exec(path) ?? [];
  const params: Record<string, string> = {};
  hit.keys.forEach((key, i) => {
    try {
      params[key] = decodeURIComponent(found[i + 1] ?? "");
    } catch {
      params[key] = found[i + 1] ?? "";
    }
  });
  return { kind: "found", op: hit.op, params };
}
