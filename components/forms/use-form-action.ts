"use client";

import { startTransition, useActionState } from "react";
import type { ActionResult } from "@/server/http/action";

/**
 * Runs a server action from a form without React's automatic form reset, so a refused submission keeps
 * what the user typed next to the errors.
 */
export function useFormAction<T>(
  action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>,
) {
  const [state, dispatch, isPending] = useActionState(action, null);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  return { state, onSubmit, isPending, errors: state && !state.ok ? state.error.fields : undefined };
}
