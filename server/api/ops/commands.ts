import type { Operation } from "../operation";

export const commandOps: Operation[] = [];
