"use client";

import { useState } from "react";
import type { FieldErrors } from "@/server/errors";

type Common = {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  className?: string;
  /** Needed when two forms on one page share a field name (two dialogs each asking a "reason"). */
  id?: string;
};

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const isControl = (el: EventTarget): el is Control =>
  el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;

/**
 * A labelled input with its hint and its error from the last submission. The error clears as soon as the
 * input is valid again (as far as the browser can tell: required, length, type), and comes back with the
 * next refused submission.
 */
export function Field({
  name,
  label,
  hint,
  errors,
  className,
  id: givenId,
  children,
}: Common & {
  children: (props: {
    id: string;
    name: string;
    "aria-invalid"?: boolean;
    "aria-describedby"?: string;
  }) => React.ReactNode;
}) {
  const id = givenId ?? `field-${name}`;
  // The answer whose error for this field the person has since fixed.
  const [fixedIn, setFixedIn] = useState<FieldErrors | undefined>(undefined);
  const error = errors && errors !== fixedIn ? errors[name] : undefined;
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const onEdit = (event: React.SyntheticEvent) => {
    if (!errors?.[name] || !isControl(event.target)) return;
    setFixedIn(event.target.checkValidity() ? errors : undefined);
  };
  return (
    <div className={`field ${className ?? ""}`} onInput={onEdit} onChange={onEdit}>
      <label htmlFor={id}>{label}</label>
      {children({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="alert error">
      {message}
    </div>
  );
}
