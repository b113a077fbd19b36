import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateAgent, bearerToken, type AgentIdentity } from "../agents/auth";
import { enrollAgent } from "../agents/enroll";
import { recordFacts } from "../agents/facts";
import { recordHeartbeat } from "../agents/heartbeat";
import { ackCommand } from "../commands/ack";
import { AppError, isAppError } from "../errors";
import { addressBucket, clientAddress } from "../http/client-address";
import { readJson, requireJson } from "./body";
import { RateLimiter } from "./rate-limit";
import { sendJson, type GatewayRouter } from "./router";

// 120 calls a minute per agent, as the protocol promises; failed authentications are limited per address.
const perAgent = new RateLimiter(120);
const failedAuthPerAddress = new RateLimiter(30);

// Behind a reverse proxy the socket peer is the proxy: count and record the client it vouches for.
function addressOf(req: IncomingMessage): string {
  return clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"]);
}

/**
 * Counts a failed authentication from the caller's address; past 30 a minute the answer becomes 429. A valid
 * token is never refused for its address, so agents sharing a proxy's address cannot be locked out.
 */
function failedAuthentication(req: IncomingMessage, error: unknown): never {
  if (isAppError(error) && error.code === "UNAUTHORIZED") {
    const wait = failedAuthPerAddress.take(addressBucket(addressOf(req)));
    if (wait > 0) {
      throw new AppError("RATE_LIMITED", "Too many failed authentications from this address.", {
        retryAfterSec: wait,
      });
    }
  }
  throw error;
}

async function authenticated(req: IncomingMessage): Promise<AgentIdentity> {
  let agent: AgentIdentity;
  try {
    agent = await authenticateAgent(bearerToken(req.headers.authorization));
  } catch (error) {
    failedAuthentication(req, error);
  }
  const wait = perAgent.take(agent.credentialId);
  if (wait > 0)
    throw new AppError("RATE_LIMITED", "Over 120 calls a minute for this agent.", { retryAfterSec: wait });
  return agent;
}

function send(res: ServerResponse, status: number, body: unknown) {
  sendJson(res, status, body);
}

export function agentRoutes(router: GatewayRouter): GatewayRouter {
  return router
    .on("POST", "/api/agent/v1/enroll", async (req, res) => {
      requireJson(req);
      const body = await readJson(req);
      try {
        send(res, 201, await enrollAgent(body, addressOf(req)));
      } catch (error) {
        failedAuthentication(req, error);
      }
    })
    .on("POST", "/api/agent/v1/heartbeat", async (req, res) => {
      requireJson(req);
      const agent = await authenticated(req);
      const body = await readJson(req);
      send(res, 200, await recordHeartbeat(agent, body));
    })
    .on("POST", "/api/agent/v1/facts", async (req, res) => {
      requireJson(req);
      const agent = await authenticated(req);
      const body = await readJson(req);
      send(res, 200, await recordFacts(agent, body));
    })
    .on("POST", "/api/agent/v1/commands/:id/ack", async (req, res, params) => {
      requireJson(req);
      const agent = await authenticated(req);
      const body = await readJson(req);
      send(res, 200, await ackCommand(agent, params.id, body));
    });
}
