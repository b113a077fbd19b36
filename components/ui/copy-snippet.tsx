"use client";

import { useState } from "react";

/** A read-only snippet with a Copy button, for URLs and embed code an admin pastes elsewhere. */
export function CopySnippet({ label, text }: { label: string; text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="snippet">
      <label>{label}</label>
      <div className="row">
        <code>{text}</code>
        <button
          type="button"
          className="btn small"
          onClick={async () => {
            await navigator.clipboard?.writeText(text);
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}
