/** The webhook signature, GitHub's convention: `sha256=` + the hex HMAC-SHA256 of the raw body with the shared secret. */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Stackradar-Signature-256';

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
