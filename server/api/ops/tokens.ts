import type { Operation } from "../operation";

export const tokenOps: Operation[] = [];
