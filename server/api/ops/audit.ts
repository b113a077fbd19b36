import type { Operation } from "../operation";

export const auditOps: Operation[] = [];
