// The engine's Web Worker: loads Pyodide, then runs programs one at a time.
import type { EngineCommand, EngineReply } from '../trace/protocol';
import { assertUnreachable } from '../base/assert';
import { createBrowserEngine, mark } from './browser';

const post = (reply: EngineReply) => postMessage(reply);
const started = performance.now();
mark('worker-started');
post({ type: 'status', status: 'loading' });
const ready = createBrowserEngine(new URL(import.meta.env.BASE_URL, self.location.origin).href)
  .then(async (engine) => {
    post({ type: 'status', status: 'ready', loadMs: performance.now() - started });
    mark('ready');
    // Made before the first run (which waits for it, ~50 ms); stored in the background.
    void engine.keepSnapshot();
    return engine;
  }, (err: unknown) => {
    post({ type: 'fatal', message: `Python could not start: ${String(err)}` });
    throw err;
  });

self.onmessage = async (msg: MessageEvent<EngineCommand>) => {
  const command = msg.data;
  const engine = await ready;
  switch (command.type) {
    case 'run': {
      const { runId, source, filename, options } = command;
      try {
        const summary = engine.runBytes(source, filename, options, (bytes) => {
          // Handed over, not copied: the page decodes it while Python goes on.
          postMessage({ type: 'batch', runId, bytes } satisfies EngineReply, { transfer: [bytes.buffer as ArrayBuffer] });
        });
        post({ type: 'end', runId, summary });
      } catch (err) {
        // End the run with the reason, so the UI keeps what arrived.
        const crashed = (err as { pyodide_fatal_error?: boolean } | null)?.pyodide_fatal_error === true;
        post({
          type: 'failed', runId,
          message: crashed
            ? `Python crashed (${String(err).split('\n')[0]}), most likely from tasks awaiting each other too deeply; `
              + 'it is restarting, and the trace so far is kept.'
            : `Loopscope's engine failed: ${String(err)}`,
        });
        // After Pyodide's fatal error the interpreter is unusable: this worker must go.
        if (crashed) post({ type: 'crashed' });
      }
      break;
    }
    case 'interrupt-buffer':
      engine.setInterruptBuffer(new Uint8Array(command.buffer));
      break;
    default:
      assertUnreachable(command);
  }
};
