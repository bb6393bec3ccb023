/**
 * One webhook delivery: a signed POST, tried up to three times. A 5xx, a timeout or a network error is
 * tried again after a short backoff; a 4xx (or a redirect, not followed: it would re-send the body to
 * another host) ends it at once. Every attempt has a timeout, so a delivery ends within
 * deliveryBoundMs() however the receiver behaves. Errors name the outcome, never the URL.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { SIGNATURE_HEADER, signBody } from './sign.js';
import { requestTarget } from './webhook-url.js';

const ATTEMPTS = 3;
/** Waits before the second and third attempt. */
const BACKOFF_MS = [500, 1_500] as const;

export interface DeliveryRequest {
  url: string;
  body: string;
  deliveryId: string;
  secret: string | undefined;
  userAgent: string;
  timeoutMs: number;
}

export interface DeliveryOutcome {
  status: 'delivered' | 'failed';
  attempts: number;
  error: string | null;
}

/** The longest a delivery can take: every attempt timing out, plus the backoff between them. */
export const deliveryBoundMs = (timeoutMs: number) => ATTEMPTS * timeoutMs + BACKOFF_MS.reduce((a, b) => a + b, 0);

type Attempt = { ok: true } | { ok: false; retry: boolean; error: string };

function headers(request: DeliveryRequest, authorization: string | undefined): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'User-Agent': request.userAgent,
    'X-Stackradar-Event': 'digest',
    'X-Stackradar-Delivery': request.deliveryId,
    ...(request.secret ? { [SIGNATURE_HEADER]: signBody(request.secret, request.body) } : {}),
    ...(authorization ? { Authorization: authorization } : {}),
  };
}

function networkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs / 1000}s`;
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return `network error${cause?.code ? ` (${cause.code})` : ''}`;
}

async function attempt(request: DeliveryRequest): Promise<Attempt> {
  const target = requestTarget(request.url);
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: headers(request, target.authorization),
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true };
    return { ok: false, retry: response.status >= 500, error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, retry: true, error: networkError(error, request.timeoutMs) };
  }
}

export async function deliver(request: DeliveryRequest): Promise<DeliveryOutcome> {
  for (let tries = 1; ; tries++) {
    const result = await attempt(request);
    if (result.ok) return { status: 'delivered', attempts: tries, error: null };
    if (!result.retry || tries === ATTEMPTS) return { status: 'failed', attempts: tries, error: result.error };
    await delay(BACKOFF_MS[tries - 1]);
  }
}
