// What password sign-in answers when the second step is missing or wrong. The sign-in form shows these
// sentences, and asks for the code when it sees one of them.
export const TWO_FACTOR_NEEDED = "Enter the 6-digit code from your authenticator app.";
export const TWO_FACTOR_WRONG =
  "That code is not right, or was already used. Enter the current code from your authenticator app, or a recovery code.";
export const TWO_FACTOR_MESSAGES: readonly string[] = [TWO_FACTOR_NEEDED, TWO_FACTOR_WRONG];
