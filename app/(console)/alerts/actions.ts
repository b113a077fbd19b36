"use server";

import { sendTestMessage } from "@/server/alerts/channel-test";
import { createChannel, deleteChannel, updateChannel } from "@/server/alerts/channels";
import { createRule, deleteRule, updateRule } from "@/server/alerts/rules";
import { cancelSilence, createSilence } from "@/server/alerts/silences";
import { formObject, runAction, type ActionResult } from "@/server/http/action";

type Prev<T> = ActionResult<T> | null;
const ALL = ["/alerts", "/alerts/active", "/alerts/rules", "/alerts/channels", "/alerts/silences"];
const done = (verb: (ctx: Parameters<Parameters<typeof runAction>[0]>[0]) => Promise<unknown>) =>
  runAction(
    async (ctx) => {
      await verb(ctx);
      return null;
    },
    { revalidate: ALL },
  );

export async function createChannelAction(_prev: Prev<unknown>, form: FormData) {
  return runAction((ctx) => createChannel(ctx, formObject(form)), { revalidate: ALL });
}

export async function updateChannelAction(_prev: Prev<unknown>, form: FormData) {
  return runAction((ctx) => updateChannel(ctx, formObject(form)), { revalidate: ALL });
}

export async function deleteChannelAction(_prev: Prev<null>, form: FormData) {
  return done((ctx) => deleteChannel(ctx, formObject(form)));
}

export async function sendTestAction(_prev: Prev<unknown>, form: FormData) {
  return runAction((ctx) => sendTestMessage(ctx, formObject(form)), { revalidate: ["/alerts/channels"] });
}

export async function createRuleAction(_prev: Prev<{ id: string }>, form: FormData) {
  return runAction((ctx) => createRule(ctx, formObject(form)), {
    revalidate: ALL,
    redirectTo: () => "/alerts/rules",
  });
}

export async function updateRuleAction(_prev: Prev<{ id: string }>, form: FormData) {
  return runAction((ctx) => updateRule(ctx, formObject(form)), {
    revalidate: ALL,
    redirectTo: () => "/alerts/rules",
  });
}

export async function deleteRuleAction(_prev: Prev<null>, form: FormData) {
  return done((ctx) => deleteRule(ctx, formObject(form)));
}

export async function createSilenceAction(_prev: Prev<{ id: string }>, form: FormData) {
  return runAction((ctx) => createSilence(ctx, formObject(form)), { revalidate: ALL });
}

export async function cancelSilenceAction(_prev: Prev<null>, form: FormData) {
  return done((ctx) => cancelSilence(ctx, formObject(form)));
}
