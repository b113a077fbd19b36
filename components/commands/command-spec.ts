// How each command type is asked for in a form, and how a submitted form becomes its payload. Shared by the
// browser (which fields to show) and the server actions (how to read them); the payload schemas in
// server/commands/types.ts stay the judge of what is valid.
import type { CommandType } from "@/server/commands/types";
import { formatDateTime } from "@/lib/format";

export type PayloadInput = "text" | "number" | "datetime" | "list" | "release" | "service";

export type PayloadField = {
  /** The payload key; the form field is `payload.<name>`, which is also where its errors are reported. */
  name: string;
  label: string;
  input: PayloadInput;
  isRequired?: boolean;
  hint?: string;
  placeholder?: string;
};

export type CommandForm = { label: string; description: string; fields: PayloadField[] };

/** Every command's optional reason: not a payload field, the command's own (`reason` in the form). */
export const REASON_FIELD = {
  name: "reason",
  label: "Reason",
  hint: "optional; shown with the command and written to the audit log",
  maxLength: 500,
} as const;

// A Record over CommandType: a new command type does not compile until it has a form here.
export const COMMAND_FORMS: Record<CommandType, CommandForm> = {
  "satellite.cordon": {
    label: "Cordon",
    description: "Stops new workloads from being placed on the satellite; running ones stay.",
    fields: [],
  },
  "satellite.uncordon": {
    label: "Uncordon",
    description: "Returns a cordoned satellite to service.",
    fields: [],
  },
  "satellite.maintenance": {
    label: "Maintenance",
    description: "Drains the satellite for maintenance, until the given time if one is set.",
    fields: [{ name: "until", label: "Until (UTC)", input: "datetime", hint: "empty: until uncordoned" }],
  },
  "service.restart": {
    label: "Restart a service",
    description: "Restarts one stack service on the satellite.",
    fields: [
      {
        name: "service",
        label: "Service",
        input: "service",
        isRequired: true,
        hint: "one of the services the satellite reports, e.g. compute, storage, kubernetes",
      },
    ],
  },
  "stack.upgrade": {
    label: "Upgrade the stack",
    description: "Installs a published release. Refused where the release is not certified.",
    fields: [{ name: "version", label: "Release", input: "release", isRequired: true }],
  },
  "stack.rollback": {
    label: "Roll back the stack",
    description: "Returns to an earlier release, or to the previous one when none is chosen.",
    fields: [{ name: "version", label: "Release", input: "release", hint: "empty: the previous release" }],
  },
  "agent.rotate-credentials": {
    label: "Rotate agent credentials",
    description: "The agent gets a new token; the old one stops 10 minutes after the new one is first used.",
    fields: [],
  },
  "link.set-limit": {
    label: "Limit the link",
    description: "Caps the bandwidth the satellite's stack may use on its link.",
    fields: [
      { name: "uplinkMbps", label: "Uplink limit (Mbps)", input: "number", hint: "empty: unchanged" },
      { name: "downlinkMbps", label: "Downlink limit (Mbps)", input: "number", hint: "empty: unchanged" },
    ],
  },
  "diagnostics.run": {
    label: "Run diagnostics",
    description: "Runs health checks on the satellite and reports the results.",
    fields: [
      {
        name: "checks",
        label: "Checks",
        input: "list",
        placeholder: "dns, storage",
        hint: "comma-separated; empty: every check",
      },
    ],
  },
};

export const COMMAND_FORM_TYPES = Object.keys(COMMAND_FORMS) as CommandType[];

// Own properties only, so "constructor" or "__proto__" is never taken for a command type.
export function isFormCommandType(type: string): type is CommandType {
  return Object.hasOwn(COMMAND_FORMS, type);
}

/** How long a command waits for an agent that is not reporting before it expires unsent. */
export const EXPIRY_CHOICES = [
  { seconds: 3600, label: "1 hour" },
  { seconds: 6 * 3600, label: "6 hours" },
  { seconds: 24 * 3600, label: "24 hours" },
  { seconds: 7 * 24 * 3600, label: "7 days" },
] as const;

const LOCAL_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

function fieldValue(field: PayloadField, raw: string): unknown {
  switch (field.input) {
    case "number": {
      const n = Number(raw);
      return Number.isNaN(n) ? raw : n; // left as text, so the schema names the field
    }
    case "datetime":
      // The form asks for UTC; a datetime-local value carries no zone.
      return LOCAL_MINUTE.test(raw) ? `${raw.length === 16 ? `${raw}:00` : raw}Z` : raw;
    case "list":
      return raw
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return raw;
  }
}

/** The payload of the chosen type from `payload.<name>` fields; an empty field is "not given". */
export function payloadFromForm(type: string, form: FormData): Record<string, unknown> {
  if (!isFormCommandType(type)) return {};
  const payload: Record<string, unknown> = {};
  for (const field of COMMAND_FORMS[type].fields) {
    const raw = form.get(`payload.${field.name}`);
    if (typeof raw !== "string" || raw.trim() === "") continue;
    payload[field.name] = fieldValue(field, raw.trim());
  }
  return payload;
}

/** "until: 2026-11-29 18:00 · checks: dns, storage" for tables and confirmations. */
export function describePayload(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .map(([k, v]) => {
      const text = Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : String(v);
      return `${k}: ${k === "until" ? formatDateTime(text) : text}`;
    })
    .join(" · ");
}
