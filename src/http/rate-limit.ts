// Per-client token-bucket rate limiting: `burst` requests at once, refilled at `perMinute`; 429 with Retry-After.

import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { AppError } from "./errors.js";

interface Bucket {
  tokens: number;
  at: number;
}

/** The client's address as the socket saw it (forwarding headers are not trusted). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // in-process requests (tests) have no socket
  }
}

export function rateLimit(opts: { perMinute: number; burst: number; now?: () => number }): MiddlewareHandler {
  const buckets = new Map<string, Bucket>();
  const now = opts.now ?? Date.now;
  const perMs = opts.perMinute / 60_000;
  return async (c, next) => {
    if (opts.perMinute <= 0) return next();
    const key = clientAddress(c);
    const t = now();
    const b = buckets.get(key) ?? { tokens: opts.burst, at: t };
    b.tokens = Math.min(opts.burst, b.tokens + (t - b.at) * perMs);
    b.at = t;
    if (b.tokens < 1) {
      buckets.set(key, b);
      const wait = Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
      throw new AppError(429, "rate_limited", `too many requests; retry in ${wait} s`, { headers: { "Retry-After": String(wait) } });
    }
    b.tokens -= 1;
    buckets.set(key, b);
    // Forget full buckets now and then, so idle clients cost no memory.
    if (buckets.size > 10_000) for (const [k, v] of buckets) if (v.tokens >= opts.burst - 1) buckets.delete(k);
    return next();
  };
}
