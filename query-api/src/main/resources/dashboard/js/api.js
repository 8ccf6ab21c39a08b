// The HTTP API (openapi.yaml), as the dashboard uses it. Money stays the decimal strings the API sends.

import { currentSession } from "./session.js";

/** A non-2xx answer: its status and the API's {error, detail}. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.detail || body?.error || `HTTP ${status}`);
    this.status = status;
    this.error = body?.error;
    this.retryAfter = body?.retryAfter;
  }
}

const RETRIES = 3;
let onUnauthorized = () => {};

/** Called with the ApiError when a signed-in request answers 401 (token expired or refused). */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/**
 * Sends one request. A 503 (state moving between instances) and, but for signing in, a 429 (over the
 * rate limit) are retried after their Retry-After, a few times.
 */
export async function request(path, { method = "GET", body, signal } = {}) {
  const session = currentSession();
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (session) headers.Authorization = `Bearer ${session.token}`;
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(path, {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (response.ok) return json;
    const retryable = response.status === 503 || (response.status === 429 && !path.startsWith("/api/v1/auth/"));
    if (retryable && attempt < RETRIES) {
      const seconds = Math.min(Number(response.headers.get("Retry-After")) || 1, 5);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    const error = new ApiError(response.status, {
      ...json, retryAfter: response.headers.get("Retry-After"),
    });
    if (response.status === 401 && session && !path.startsWith("/api/v1/auth/")) onUnauthorized(error);
    throw error;
  }
}

export const login = (userId, password) =>
  request("/api/v1/auth/login", { method: "POST", body: { userId, password } });

export const register = (userId, password) =>
  request("/api/v1/auth/register", { method: "POST", body: { userId, password } });

/** The per-user routes of the signed-in user. */
export function userApi(userId) {
  const base = `/api/v1/users/${encodeURIComponent(userId)}`;
  const query = (params) => new URLSearchParams(params).toString();
  return {
    base,
    months: () => request(`${base}/months`),
    summary: (month) => request(`${base}/summary?${query({ month })}`),
    transactions: (from, to, limit) => request(`${base}/transactions?${query({ from, to, limit })}`),
    alerts: (limit) => request(`${base}/alerts?${query({ limit })}`),
    insights: (month) => request(`${base}/insights?${query({ month })}`),
    settings: () => request(`${base}/settings`),
    correct: (transactionId, category) =>
      request(`${base}/corrections`, { method: "POST", body: { transactionId, category } }),
  };
}

/** Null instead of an error for a 404 (no such month, no settings yet). */
export async function orNone(promise) {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
