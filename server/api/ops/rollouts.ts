import type { Operation } from "../operation";

export const rolloutOps: Operation[] = [];
