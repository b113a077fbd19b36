// The identity provider the single sign-on browser test starts (e2e/sso-idp.ts), as the core under test is
// configured for it: a fixed loopback port beside the core's, so playwright.config.ts can name it up front.
const corePort = Number(process.env.E2E_PORT ?? 3210);

export const TEST_IDP = {
  id: "test-idp",
  name: "Test IdP",
  port: corePort + 1000,
  issuer: `http://127.0.0.1:${corePort + 1000}`,
  clientId: "orrery-e2e",
  clientSecret: "orrery-e2e-client-secret-0123456789",
  redirectUri: `http://localhost:${corePort}/api/auth/callback/test-idp`,
};

/** ORRERY_OIDC_PROVIDERS for the core under test. */
export const testIdpProvidersEnv = JSON.stringify([
  {
    id: TEST_IDP.id,
    name: TEST_IDP.name,
    issuer: TEST_IDP.issuer,
    clientId: TEST_IDP.clientId,
    clientSecret: TEST_IDP.clientSecret,
    scopes: "openid email profile groups",
    groupsClaim: "groups",
  },
]);
