// Start/stop helpers for the benchmark's servers: every child is started by binary in its own
// process group and stopped by its PID (group), never by name.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';

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

/**
 * A production build of the app in its own dist dir and dist/app (`npm run build`; skipped when
 * BENCH_SKIP_BUILD=1 and the build exists), then the production server (`npm start`: scripts/serve.cjs, Next.js behind the peer-stamping
 * node:http server) on 127.0.0.1:`port`. Returns the server process; stop it with stopProcess.
 */
export async function buildAndStartApp(root, dist, port, env = {}) {
  const next = `${root}node_modules/.bin/next`;
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    console.log(`Building the app into ${dist} (next build)…`);
    // next build adds its dist dir's type folders to tsconfig.json: put the file back as it was.
    const tsconfig = await readFile(`${root}tsconfig.json`, 'utf8');
    const build = await runToCompletion('next build', next, ['build'], { cwd: root, env: { ...process.env, NEXT_DIST_DIR: dist } });
    await writeFile(`${root}tsconfig.json`, tsconfig);
    if (!build.ok) {
      console.error(build.log.slice(-4000));
      throw new Error('next build failed');
    }
    // dist/app/front.mjs, which `npm start` answers the servers' paths with, must not be older than the build.
    const front = await runToCompletion('build-mock', process.execPath, [`${root}scripts/build-mock.mjs`], { cwd: root, env: process.env });
    if (!front.ok) {
      console.error(front.log.slice(-4000));
      throw new Error('scripts/build-mock.mjs failed');
    }
    console.log(`  built in ${build.seconds + front.seconds} s`);
  }
  return startApp(root, dist, port, env);
}

/** The production server as `npm start` runs it (scripts/serve.cjs) on 127.0.0.1:`port`, from the build in `dist`. */
export function startApp(root, dist, port, env = {}) {
  return startProcess(
    'npm start (scripts/serve.cjs)',
    process.execPath,
    [`${root}scripts/serve.cjs`, 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: root,
      env: { ...process.env, NEXT_DIST_DIR: dist, NEXT_TELEMETRY_DISABLED: '1', ...env },
    },
  );
}
