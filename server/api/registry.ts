import "server-only";
import { compile } from "./match";
import type { Operation } from "./operation";
import { apiOperations } from "./ops";

let table: ReturnType<typeof compile> | null = null;

/** The operations, compiled once per process: what dispatch() routes by and openapi.ts documents. */
export function apiTable(): ReturnType<typeof compile> {
  table ??= compile(apiOperations());
  return table;
}

export function operations(): readonly Operation[] {
  return apiOperations();
}
