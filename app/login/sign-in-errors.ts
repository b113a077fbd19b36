// What the sign-in page says for each error next-auth sends back to it (?error=…).
const SSO_FAILED =
  "Single sign-on did not complete: the answer from the identity provider could not be verified. Try again.";

const MESSAGES: Record<string, string> = {
  OAuthCallback: SSO_FAILED,
  OAuthSignin: "Single sign-on could not start: the identity provider did not answer. Try again later.",
  Callback: SSO_FAILED,
  AccessDenied: "Access was refused.",
  SessionRequired: "Sign in to continue.",
};

export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? "Sign-in failed. Try again.";
}
