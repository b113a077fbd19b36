import type { Operation } from "../operation";

export const userOps: Operation[] = [];
