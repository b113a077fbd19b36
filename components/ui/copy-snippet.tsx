"use client";

import { useState } from "react";
import styles from "./copy-snippet.module.css";

/** A read-only snippet with a Copy button, for URLs and embed code an admin pastes elsewhere. */
export function CopySnippet({ label, text }: { label: string; text: string }) {
  const [copied, setCopied] = useState(false);
  // The plain "snippet" name is what the end-to-end tests find a snippet by.
  return (
    <div className={`${styles.snippet} snippet`}>
      <label>{label}</label>
      <div className={`row ${styles.line}`}>
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
