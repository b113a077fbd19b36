import type { Operation } from "../operation";
import { auditOps } from "./audit";
import { commandOps } from "./commands";
import { docOps } from "./docs";
import { incidentOps } from "./incidents";
import { maintenanceOps } from "./maintenance";
import { policyOps } from "./policies";
import { regionOps } from "./regions";
import { releaseOps } from "./releases";
import { rolloutOps } from "./rollouts";
import { satelliteOps } from "./satellites";
import { ssoOps } from "./sso";
import { statusPageOps } from "./status-pages";
import { tokenOps } from "./tokens";
import { userOps } from "./users";
import { windowOps } from "./windows";

/** Every REST operation, by resource. Each file keeps its resource's routes beside the verbs they call. */
export function apiOperations(): Operation[] {
  return [
    ...docOps,
    ...regionOps,
    ...satelliteOps,
    ...commandOps,
    ...releaseOps,
    ...rolloutOps,
    ...incidentOps,
    ...maintenanceOps,
    ...statusPageOps,
    ...auditOps,
    ...userOps,
    ...ssoOps,
    ...tokenOps,
    ...windowOps,
    ...policyOps,
  ];
}
