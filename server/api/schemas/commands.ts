import { z } from "zod";
import { CommandFilter, COMMAND_STATES, type CommandView } from "../../commands/list";
import { IssueCommandsInput, type CommandTargetPreview, type IssuedCommands } from "../../commands/issue";
import { COMMAND_TYPES } from "../../commands/types";
import { listOf, pageQuery } from "../pagination";

const time = (description?: string) => z.string().meta({ format: "date-time", description });

/** A command as the Commands list shows it; `CommandView` is the type this must describe. */
export const commandSchema: z.ZodType<CommandView> = z
  .object({
    id: z.string(),
    type: z.string().meta({ description: `One of ${COMMAND_TYPES.join(", ")}.` }),
    state: z.enum(COMMAND_STATES),
    payload: z.record(z.string(), z.unknown()),
    satellite: z.object({ id: z.string(), slug: z.string(), name: z.string(), regionId: z.string() }),
    deliveries: z.number().int().meta({ description: "How many times it was handed to the agent." }),
    issuedBy: z.object({ email: z.string(), name: z.string() }).nullable(),
    rollout: z.object({ id: z.string(), name: z.string() }).nullable(),
    issuedAt: time(),
    deliveredAt: time().nullable(),
    finishedAt: time().nullable(),
    expiresAt: time(),
    notBefore: time().nullable().meta({
      description: "Held for the satellite's deployment window: not handed to the agent before this.",
    }),
    message: z.string().nullable(),
    reason: z.string().nullable().meta({ description: "Why it was sent, as the operator said." }),
    result: z.unknown().meta({ description: "What the agent reported back; a very large one is cut short." }),
    canCancel: z
      .boolean()
      .meta({ description: "Whether the caller may cancel it now: queued, never delivered, in its scope." }),
  })
  .meta({ id: "Command" });

export const commandListQuery = CommandFilter.extend(pageQuery.shape);
export const commandListSchema = listOf(commandSchema);

/** Issuing: the console's own schema. */
export const issueCommandsBody = IssueCommandsInput.meta({ id: "IssueCommands" });

const previewFields = {
  type: z.enum(COMMAND_TYPES),
  total: z.number().int().meta({ description: "How many satellites the target holds." }),
  byRegion: z.array(z.object({ regionId: z.string(), count: z.number().int() })),
  sample: z.array(z.string()).meta({ description: "A few slugs, sorted." }),
  summary: z.string().meta({ example: "satellite.cordon to 42 satellites in eu-gdpr (30), uk-gdpr (12)" }),
};

export const commandPreviewSchema: z.ZodType<CommandTargetPreview> = z
  .object(previewFields)
  .meta({ id: "CommandTargetPreview" });

export type IssuedCommandsAnswer = IssuedCommands & { commandIds: string[] };

export const issuedCommandsSchema: z.ZodType<IssuedCommandsAnswer> = z
  .object({
    ...previewFields,
    idempotencyKey: z.string().meta({
      description: "Send it again to retry safely; `GET /commands?batch=<key>` lists what it queued.",
    }),
    created: z
      .number()
      .int()
      .meta({ description: "Commands queued by this call; 0 when the key was used before." }),
    isReplay: z.boolean(),
    commandIds: z.array(z.string()).meta({ description: "Every command this request (or its key) queued." }),
  })
  .meta({ id: "IssuedCommands" });
