import type { Operation } from "../operation";

export const maintenanceOps: Operation[] = [];
