/**
 * `review` at scale: one refresh of N frameworks on a new embedded database (the refresh-scale stand-ins:
 * one article listing them all, so its review reads N entries), then `stackradar review --format json`
 * timed as a user runs it, whole process, a few times; the stand-ins count any request it sends (none expected).
 */
import { loadavg } from 'node:os';
import { CLI } from './cli.js';
import { benchRefreshScale, runTimed } from './refresh-scale.js';
import { progress, round } from './util.js';

export interface ReviewResult {
  n: number;
  findings: number;
  seconds: number[];
  medianSeconds: number;
  peakRssMB: number;
  /** The same process opening the same database for `sql "select 1"` (median): the floor review stands on. */
  floorSeconds: number;
  /** Requests the stand-ins served while review ran. */
  requests: number;
  loadBefore: number;
  error?: string;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export async function benchReview(n: number, now: Date, adminUrl: string, times = 3): Promise<ReviewResult> {
  const result: ReviewResult = { n, findings: 0, seconds: [], medianSeconds: Number.NaN, peakRssMB: 0, floorSeconds: Number.NaN, requests: 0, loadBefore: round(loadavg()[0] ?? 0, 2) };
  const floors: number[] = [];
  const refreshed = await benchRefreshScale(n, 'embedded', now, adminUrl, 1, async (env, served) => {
    const before = served();
    result.loadBefore = round(loadavg()[0] ?? 0, 2);
    for (let i = 0; i < times; i++) {
      const run = await runTimed([CLI, 'review', '--format', 'json'], env);
      if (run.code !== 0) throw new Error(`review exited with ${run.code}: ${run.stderr.trim().split('\n').at(-1) ?? ''}`);
      result.findings = (JSON.parse(run.stdout) as unknown[]).length;
      result.seconds.push(round(run.ms / 1000, 2));
      result.peakRssMB = Math.max(result.peakRssMB, run.peakRssMB);
      const floor = await runTimed([CLI, 'sql', 'select 1'], env);
      floors.push(round(floor.ms / 1000, 2));
      progress(`review: ${round(run.ms / 1000, 2)} s, ${result.findings} findings; sql "select 1": ${round(floor.ms / 1000, 2)} s`);
    }
    result.requests = served() - before;
  });
  if (refreshed.error) result.error = refreshed.error;
  result.medianSeconds = median(result.seconds);
  result.floorSeconds = median(floors);
  return result;
}
