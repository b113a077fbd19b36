import type { Operation } from "../operation";

export const statusPageOps: Operation[] = [];
