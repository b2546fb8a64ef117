// A throwaway PostgreSQL for a benchmark when none is given: initdb into a temp folder with the
// installed server binaries (Debian's layout, /usr/lib/postgresql/<major>/bin), started on a free
// loopback port, stopped and removed by `stop()`. As root the cluster runs as the `postgres` user
// (initdb refuses root). Durability is off (fsync, full-page writes), as in the test cluster: the
// data lives for one run, and the benchmark compares copies, not the disk.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin folder, or undefined. */
export function serverBinaries() {
  if (!existsSync(ROOT)) return undefined;
  const major = readdirSync(ROOT)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return major === undefined ? undefined : join(ROOT, major, 'bin');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster; returns its admin URL (may CREATE DATABASE) and `stop()`. */
export async function startThrowawayCluster(bin) {
  const dir = mkdtempSync(join(tmpdir(), 'persona-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const exec = (program, args) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, program), args, { stdio: 'pipe' });
  if (asRoot) {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const password = randomBytes(12).toString('hex');
  writeFileSync(join(dir, 'password'), `${password}\n`, { mode: 0o644 });
  const data = join(dir, 'data');
  exec('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--auth-host=scram-sha-256',
    `--pwfile=${join(dir, 'password')}`,
    '--no-sync',
  ]);
  const port = await freePort();
  const settings = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', '-c full_page_writes=off'].join(' ');
  exec('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', settings, 'start']);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
