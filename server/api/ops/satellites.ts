import type { Operation } from "../operation";

export const satelliteOps: Operation[] = [];
