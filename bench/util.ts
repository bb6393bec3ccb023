/** Small helpers shared by the benchmark sections: statistics, timing, child processes, progress. */
import { spawn } from 'node:child_process';

export const progress = (message: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
};

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: a quoted p95 is always a value that was actually observed.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export interface ChildResult {
  code: number | null;
  ms: number;
  stdout: string;
  stderr: string;
}

/** Runs `node args…` and measures the whole process, spawn to exit. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: performance.now() - start, stdout, stderr });
    });
  });
}

/** The environment without anything that would point a child at a real database or GitHub. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (/^(DATABASE_URL|GITHUB_|GH_TOKEN|STACKRADAR_)/.test(key)) delete env[key];
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

export function mustSucceed(what: string, result: ChildResult): ChildResult {
  if (result.code !== 0) throw new Error(`${what} exited with ${result.code}: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return result;
}
