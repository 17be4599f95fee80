// A helper program (a test broker) that cannot outlive the process that started it, even when that process is
// killed outright (as test runners do with their workers): a small sh wrapper holds a pipe from us and kills
// the program when the pipe closes. Where there is no sh (Windows), the program is started directly and
// killed from an 'exit' hook, which covers normal exits only.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

const WRAPPER = [
  'exec 3<&0 </dev/null',
  '"$@" 3<&- & program=$!',
  'echo "$program"',
  '{ read -r _ <&3; kill -9 "$program" 2>/dev/null; } &',
  'guard=$!',
  'wait "$program"; status=$?',
  'kill "$guard" 2>/dev/null',
  'exit "$status"',
].join('\n');

const unguarded = new Set<ChildProcess>();
let exitHookInstalled = false;

export class GuardedProcess {
  private stderrTail = '';
  private exitDescription: string | null = null;
  readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    /** The program's own process id (the wrapper's child when guarded). */
    readonly pid: number,
  ) {
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000)),
    );
    this.exited = once(child, 'exit').then(([code, signal]) => {
      this.exitDescription = `exited (${signal ?? `code ${code}`})`;
      child.stdin?.end();
      unguarded.delete(child);
    });
  }

  static async start(program: string, args: readonly string[]): Promise<GuardedProcess> {
    if (process.platform === 'win32') {
      const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      killOnExit(child);
      if (child.pid === undefined) throw new Error(`could not start ${program}`);
      return new GuardedProcess(child, child.pid);
    }
    const child = spawn('sh', ['-c', WRAPPER, 'guard', program, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const [firstLine] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
    child.stdout?.resume(); // whatever else comes is not read, and must not fill the pipe
    const pid = Number.parseInt(firstLine.toString(), 10);
    if (!Number.isInteger(pid)) throw new Error(`could not start ${program}: ${firstLine.toString()}`);
    return new GuardedProcess(child, pid);
  }

  /** "exited (code 1)" once it has exited, else null. */
  get exitedHow(): string | null {
    return this.exitDescription;
  }

  get stderr(): string {
    return this.stderrTail;
  }

  /** Sends the signal to the program and waits until it has exited (SIGKILL after `timeoutMs`). */
  async stop(signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
    if (this.exitDescription) return;
    const send = (s: NodeJS.Signals) => {
      try {
        process.kill(this.pid, s);
      } catch {
        // already gone
      }
    };
    send(signal);
    const timer = setTimeout(() => send('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}

function killOnExit(child: ChildProcess): void {
  unguarded.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of unguarded) c.kill('SIGKILL');
  });
}
