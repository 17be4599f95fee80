// Mosquitto password files for test brokers: made by mosquitto_passwd when it is installed, else written in
// the same "$7$" format (PBKDF2-SHA512, 101 rounds, as mosquitto 2 writes it) so the tests need no extra tool.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { findExecutable } from './executables';

function hashed(password: string): string {
  const salt = crypto.randomBytes(12);
  const iterations = 101;
  const hash = crypto.pbkdf2Sync(password, salt, iterations, 64, 'sha512');
  return `$7$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Writes `file` so that mosquitto accepts exactly these user names and passwords. */
export function writePasswordFile(file: string, users: Readonly<Record<string, string>>): void {
  const tool = findExecutable('mosquitto_passwd');
  const entries = Object.entries(users);
  if (!tool) {
    fs.writeFileSync(file, entries.map(([user, password]) => `${user}:${hashed(password)}\n`).join(''));
    return;
  }
  fs.writeFileSync(file, '');
  for (const [user, password] of entries) {
    try {
      execFileSync(tool, ['-b', file, user, password], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
      throw new Error(`${tool} could not add user "${user}" to ${file}: ${stderr || String(error)}`);
    }
  }
}
