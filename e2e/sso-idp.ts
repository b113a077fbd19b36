// A real OpenID Connect provider (the oidc-provider package) on a loopback port, for the single sign-on
// browser test. Its people and their groups can change while it runs; its sign-in page is a one-field form.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";
import { TEST_IDP } from "./sso-idp-settings";

export type IdpPerson = { email: string; name: string; groups: string[] };

export type TestIdp = { people: Map<string, IdpPerson>; close: () => Promise<void> };

const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Test IdP</title></head><body>${body}</body></html>`;

export async function startTestIdp(people: Record<string, IdpPerson>): Promise<TestIdp> {
  const known = new Map(Object.entries(people));
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new Provider(TEST_IDP.issuer, {
    clients: [
      {
        client_id: TEST_IDP.clientId,
        client_secret: TEST_IDP.clientSecret,
        redirect_uris: [TEST_IDP.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "e2e", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // Groups travel in the ID token itself, as Keycloak and Entra ID send them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      if (!known.has(sub)) return undefined;
      return {
        accountId: sub,
        async claims() {
          const p = known.get(sub)!;
          return { sub, email: p.email, email_verified: true, name: p.name, groups: p.groups };
        },
      };
    },
    // A first-party client: consent is given as asked, so the test sees only the sign-in form.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  const server: Server = createServer(async (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? "");
    if (!match) return callback(req, res);
    try {
      if (req.method === "GET") {
        await provider.interactionDetails(req, res);
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.end(
          page(
            `<h1>Test IdP</h1><form method="post"><label for="u">Username</label> <input id="u" name="username" autofocus> <button type="submit">Continue</button></form>`,
          ),
        );
        return;
      }
      let body = "";
      for await (const chunk of req) body += chunk;
      const username = new URLSearchParams(body).get("username") ?? "";
      const result = known.has(username)
        ? { login: { accountId: username } }
        : { error: "access_denied", error_description: "unknown user" };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(TEST_IDP.port, "127.0.0.1", resolve));
  return {
    people: known,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
