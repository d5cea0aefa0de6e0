// Start/stop helpers for the benchmark's servers: every child is started by binary in its own
// process group and stopped by its PID (group), never by name.
import { spawn } from 'node:child_process';

const started = new Set();

export function startProcess(label, command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('exit', () => started.delete(child));
  console.log(`  started ${label} (pid ${child.pid})`);
  return { child, label, log: () => log };
}

export function stopProcess(proc) {
  if (!started.has(proc.child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signalGroup(proc.child.pid, 'SIGKILL');
      resolve();
    }, 5000);
    proc.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    signalGroup(proc.child.pid, 'SIGTERM');
    console.log(`  stopped ${proc.label} (pid ${proc.child.pid})`);
  });
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal); // the group this script created for that child
  } catch {
    /* already gone */
  }
}

/** Stops every child still running: on normal exit and on Ctrl-C. */
export function stopAllOnExit() {
  const stopAll = () => {
    for (const child of started) signalGroup(child.pid, 'SIGTERM');
  };
  process.on('exit', stopAll);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      stopAll();
      process.exit(130);
    });
  }
}

/** Polls `url` until it answers (any status) or `timeoutMs` passes. */
export async function waitForUrl(url, timeoutMs, proc) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${proc.label} exited early:\n${proc.log()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Runs a command to completion, printing a dot every 10 s so a long build shows progress. */
export function runToCompletion(label, command, args, options = {}) {
  return new Promise((resolve) => {
    const proc = startProcess(label, command, args, options);
    const started = Date.now();
    const ticker = setInterval(() => console.log(`  … ${label} running for ${Math.round((Date.now() - started) / 1000)} s`), 15_000);
    proc.child.on('exit', (code) => {
      clearInterval(ticker);
      resolve({ ok: code === 0, log: proc.log(), seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}
