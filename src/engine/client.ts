/**
 * The main thread's handle on the engine worker. Keeps the UI responsive: a run that
 * must be stopped is interrupted (where the page is cross-origin isolated) or the
 * worker is replaced.
 */
import { DEFAULT_RUN_OPTIONS, type RunOptions, type RunSummary, type TraceEvent } from '../trace/schema';
import type { EngineCommand, EngineReply, EngineStatus } from '../trace/protocol';
import { batchParser, TraceFormatError } from '../trace/validate';
import { assertUnreachable } from '../base/assert';

export interface EngineListener {
  status(status: EngineStatus, detail: { loadMs?: number; message?: string }): void;
  batch(runId: number, events: TraceEvent[]): void;
  end(runId: number, summary: RunSummary): void;
}

// How long a stop may take through the interrupt before the worker is replaced.
const INTERRUPT_GRACE_MS = 1500;

export class EngineClient {
  private worker!: Worker;
  private interrupt: Uint8Array | null = null;
  private nextRunId = 1;
  private current: {
    runId: number; events: number; started: number; parse: (bytes: Uint8Array) => TraceEvent[];
  } | null = null;
  private stopTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly listener: EngineListener) {
    this.start();
  }

  private start(): void {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (msg: MessageEvent<EngineReply>) => this.receive(msg.data);
    this.worker.onerror = (e) => this.listener.status('failed', { message: e.message });
    if (globalThis.crossOriginIsolated) {
      const buffer = new SharedArrayBuffer(1);
      this.interrupt = new Uint8Array(buffer);
      this.send({ type: 'interrupt-buffer', buffer });
    }
  }

  private send(command: EngineCommand): void {
    this.worker.postMessage(command);
  }

  private receive(reply: EngineReply): void {
    switch (reply.type) {
      case 'status':
        this.listener.status(reply.status, { loadMs: reply.loadMs });
        break;
      case 'batch': {
        const run = this.current;
        if (reply.runId !== run?.runId) return;
        let events: TraceEvent[];
        try {
          events = run.parse(reply.bytes);
        } catch (err) {
          if (!(err instanceof TraceFormatError)) throw err;
          this.failRun(`The engine sent a damaged trace (${err.message}).`);
          return;
        }
        run.events += events.length;
        this.listener.batch(reply.runId, events);
        break;
      }
      case 'end':
        if (reply.runId !== this.current?.runId) return;
        this.finish(reply.summary);
        this.listener.status('ready', {});
        break;
      case 'failed':
        if (reply.runId !== this.current?.runId) return;
        this.failRun(reply.message);
        break;
      case 'fatal':
        this.listener.status('failed', { message: reply.message });
        break;
      case 'crashed':
        this.replaceWorker();
        break;
      default:
        assertUnreachable(reply);
    }
  }

  private finish(summary: RunSummary): void {
    const runId = this.current!.runId;
    this.current = null;
    if (this.stopTimer) clearTimeout(this.stopTimer);
    this.stopTimer = null;
    if (this.interrupt) this.interrupt[0] = 0;
    this.listener.end(runId, summary);
  }

  run(source: string, options: Partial<RunOptions> = {}, filename = 'main.py'): number {
    if (this.current) this.stop();
    const runId = this.nextRunId++;
    this.current = { runId, events: 0, started: performance.now(), parse: batchParser() };
    this.listener.status('running', {});
    this.send({ type: 'run', runId, source, filename, options: { ...DEFAULT_RUN_OPTIONS, ...options } });
    return runId;
  }

  stop(): void {
    const run = this.current;
    if (!run) return;
    if (this.interrupt) {
      this.interrupt[0] = 2; // SIGINT: Python raises KeyboardInterrupt at the next check
      this.stopTimer = setTimeout(() => this.restart(run.events), INTERRUPT_GRACE_MS);
    } else {
      this.restart(run.events);
    }
  }

  /** Ends the run with what arrived and why it stopped there. */
  private failRun(message: string): void {
    const run = this.current!;
    this.finish({
      status: 'stopped', exitCode: 3, events: run.events, virtualTime: 0,
      wallMs: performance.now() - run.started, message,
    });
    this.listener.status('ready', {});
  }

  /** The last resort: the worker is busy in Python and must go. */
  private restart(events: number): void {
    const run = this.current;
    this.replaceWorker();
    if (run) {
      this.finish({
        status: 'stopped', exitCode: 3, events, virtualTime: 0,
        wallMs: performance.now() - run.started,
        message: 'Stopped: the program was still running, so Python was restarted.',
      });
    }
  }

  /** A fresh worker and Python (restored from the start-up snapshot when there is one). */
  private replaceWorker(): void {
    this.worker.terminate();
    this.interrupt = null;
    this.listener.status('loading', {});
    this.start();
  }

  dispose(): void {
    this.worker.terminate();
  }
}
