import { spawn } from 'node:child_process';
import path from 'node:path';

const bin = path.resolve(import.meta.dirname, '../../bin/districtops.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

// Each run starts node, tsx and the database from cold: seconds alone, far more on a loaded CI machine.
const KILL_AFTER_MS = 150_000;

/**
 * Runs the real CLI in a child process, as a user would. A run that hangs is killed (and fails the
 * test), so it cannot keep holding the embedded database's lock for the tests after it.
 */
export function runCli(args: string[], env: Record<string, string | undefined>, stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`districtops ${args.join(' ')} still running after ${KILL_AFTER_MS / 1000} s; killed\n${stderr}`));
    }, KILL_AFTER_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin.end(stdin);
    else child.stdin.end();
  });
}
