/** What a fake route answers: a status, a JSON body or a text, and the errors of the body against its published schema. */
export interface Answer {
  status: number;
  body?: unknown;
  text?: string;
  schemaErrors?: string[];
}

export const json = (body: unknown, schemaErrors: string[] = []): Answer => ({ status: 200, body, schemaErrors });
export const missing = (body: unknown = { error: 'Not found' }): Answer => ({ status: 404, body });

/** zod's issues as one line each. */
export function zodErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string[] {
  return result.success ? [] : (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}
