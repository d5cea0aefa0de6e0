// CPU time of a started server (its whole process group: --workers children, Next's helpers), read from
// /proc on Linux. Requests per CPU-second does not depend on how busy the rest of a shared machine is,
// where requests per wall-clock second does: the bench prints both.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime/stime (USER_HZ, 100 on Linux everywhere). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) used so far by every process in group `pgid`; undefined off Linux. */
export function groupCpuSeconds(pgid) {
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  let ticks = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the parenthesised command name (which may hold spaces): state ppid pgrp … utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pgid) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / TICKS_PER_SECOND;
}
