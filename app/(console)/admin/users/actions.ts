"use server";

import { formObject, formValues, runAction, type ActionResult } from "@/server/http/action";
import { createUser, setUserDisabled, updateUser, type UserView } from "@/server/users/users";

type Saved = ActionResult<UserView>;
const PATHS = ["/admin/users"];

export async function createUserAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction(
    (ctx) => createUser(ctx, { ...formObject(form), regionIds: formValues(form, "regionIds") }),
    {
      revalidate: PATHS,
    },
  );
}

export async function updateUserAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction(
    (ctx) => updateUser(ctx, { ...formObject(form), regionIds: formValues(form, "regionIds") }),
    {
      revalidate: PATHS,
    },
  );
}

export async function setUserDisabledAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => setUserDisabled(ctx, formObject(form)), { revalidate: PATHS });
}
