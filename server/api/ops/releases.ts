import type { Operation } from "../operation";

export const releaseOps: Operation[] = [];
