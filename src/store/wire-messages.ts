/**
 * The few PostgreSQL wire-protocol messages the served database looks into (pglite-session.ts): the
 * SQL of a client's Query and Parse messages, and how to refuse one so that PostgreSQL's own error
 * handling still applies (the transaction fails, the extended protocol skips to Sync) while the
 * client reads our error.
 */

export interface ClientMessage {
  /** The message type ('Q', 'P', 'S', …); undefined for the start-up packet, which has none. */
  type: string | undefined;
  /** The SQL of a Query or Parse message. */
  sql: string | undefined;
}

const decoder = new TextDecoder();

function cString(bytes: Uint8Array, start: number): { text: string; end: number } {
  const nul = bytes.indexOf(0, start);
  const end = nul === -1 ? bytes.length : nul;
  return { text: decoder.decode(bytes.subarray(start, end)), end: end + 1 };
}

export function readClientMessage(message: Uint8Array): ClientMessage {
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  // The start-up packet (and SSL or cancel requests) start with their length, not a type byte.
  if (message.length >= 8 && view.getInt32(0) === message.length) return { type: undefined, sql: undefined };
  const type = String.fromCharCode(message[0] ?? 0);
  if (type === 'Q') return { type, sql: cString(message, 5).text };
  if (type === 'P') return { type, sql: cString(message, cString(message, 5).end).text };
  return { type, sql: undefined };
}

function frame(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + body.length);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, 4 + body.length);
  out.set(body, 5);
  return out;
}

const encoder = new TextEncoder();
const cstrings = (...parts: string[]) => encoder.encode(parts.map((part) => `${part}\0`).join(''));

/** An ErrorResponse with SQLSTATE 25006 (read_only_sql_transaction), as PostgreSQL sends it. */
export function readOnlyError(message: string): Uint8Array {
  return frame('E', encoder.encode(`SERROR\0VERROR\0C25006\0M${message}\0\0`));
}

/** A statement that PostgreSQL rejects while parsing it, before anything runs. */
const FAILS_TO_PARSE = "SELECT ''::integer";

/**
 * What to send PostgreSQL instead of a refused message: the same kind of message with a statement
 * that fails at once (a Parse keeps its statement name), so the error comes at the moment and with
 * the consequences the refused one would have had. Its error is then swapped for ours (replaceErrors).
 */
export function failingStandIn(message: Uint8Array, type: string | undefined): Uint8Array {
  if (type === 'P') {
    const name = cString(message, 5).text;
    return frame('P', new Uint8Array([...cstrings(name, FAILS_TO_PARSE), 0, 0]));
  }
  return frame('Q', cstrings(FAILS_TO_PARSE));
}

/** Server output with every ErrorResponse replaced by `error`; other messages pass unchanged. */
export function replaceErrors(output: Uint8Array, error: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const view = new DataView(output.buffer, output.byteOffset, output.byteLength);
  let at = 0;
  while (at + 5 <= output.length) {
    const end = at + 1 + view.getInt32(at + 1);
    parts.push(output[at] === 'E'.charCodeAt(0) ? error : output.subarray(at, end));
    at = end;
  }
  return Buffer.concat(parts);
}
