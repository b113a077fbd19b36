import type { Operation } from "../operation";

export const incidentOps: Operation[] = [];
