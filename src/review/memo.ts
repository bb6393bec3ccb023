/**
 * The editor's memo (`review --format md`): per article, one checklist line per finding — severity,
 * the entry, what to do — ready to paste into a ticket. Pure: stored findings in, Markdown out.
 */
import type { Severity } from './types.js';

export interface StoredFinding {
  source_url: string;
  position: number | null;
  framework: string | null;
  finding: string;
  severity: Severity;
  detail: string;
  first_seen_at: Date;
}

const day = (date: Date): string => date.toISOString().slice(0, 10);

function line(f: StoredFinding): string {
  const where = f.position === null ? 'the article' : `#${f.position} ${f.framework ?? ''}`.trim();
  return `- [ ] **${f.severity}** · ${where} · \`${f.finding}\`: ${f.detail} (since ${day(f.first_seen_at)})`;
}

function counts(findings: StoredFinding[]): string {
  const order: Severity[] = ['high', 'medium', 'info'];
  return order.flatMap((s) => {
    const n = findings.filter((f) => f.severity === s).length;
    return n > 0 ? [`${n} ${s}`] : [];
  }).join(', ');
}

/** `findings` in print order (by source, most severe first); `now` dates the memo. */
export function renderMemo(findings: StoredFinding[], now: Date): string {
  if (findings.length === 0) return `# Review, ${day(now)}\n\nNothing to fix: no finding in the tracked articles.\n`;
  const bySource = new Map<string, StoredFinding[]>();
  for (const f of findings) bySource.set(f.source_url, [...(bySource.get(f.source_url) ?? []), f]);
  const parts = [`# Review, ${day(now)}`];
  for (const [source, list] of bySource) {
    parts.push(`## ${source}\n\n${counts(list)}.\n\n${list.map(line).join('\n')}`);
  }
  return `${parts.join('\n\n')}\n`;
}
