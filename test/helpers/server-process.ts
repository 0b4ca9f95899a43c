import type { ChildProcess } from 'node:child_process';

/**
 * Waits until a server started as its own process answers /api/health, for up to a minute.
 * Fails early, with what the process printed, when it exits first.
 */
export async function waitForHealth(base: string, child: ChildProcess, output: () => string = () => ''): Promise<void> {
  for (let i = 0; ; i++) {
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    if (i > 600 || child.exitCode !== null) throw new Error(`the server at ${base} did not start\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
