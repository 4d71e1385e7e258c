// The engine's English labels, read back into phrases: in English each must say exactly
// what the engine wrote, in 中文 its words change and its identifiers and code do not.
import { describe, expect, it } from 'vitest';
import {
  blockingCall, endReason, handleLabel, ioDescription, scheduleCause, waitDescription, warningCategory,
} from '../model';
import { sayIn } from '.';

const say = sayIn;

// [the engine's text, how it reads in 中文] for each shape, as the engine writes them.
const LABELS: [string, string][] = [
  ['Task fetch-2 step', '任务 fetch-2 的一步'],
  ['sleep(1) timer of Task-1', 'Task-1 的 sleep(1) 定时器'],
  ['sleep(0.5) timer of top level', '顶层代码 的 sleep(0.5) 定时器'],
  ["response arrives: 'GET http://api/x'", "响应到达：'GET http://api/x'"],
];

const CAUSES: [string, string][] = [
  ['created by main', '由 main 创建'],
  ['created at top level', '由顶层代码创建'],
  ['sleep(1) done → wake Task-2', 'sleep(1) 完成 → 唤醒 Task-2'],
  ['Queue.get cancelled → wake worker-1', 'Queue.get 被取消 → 唤醒 worker-1'],
  ['what it awaited done → wake Task-3', '它等待的对象 完成 → 唤醒 Task-3'],
  ['wait(2 tasks, FIRST_COMPLETED) done → wake main', 'wait(2 个任务, FIRST_COMPLETED) 完成 → 唤醒 main'],
  ['Task-2 yielded to the loop', 'Task-2 把控制权让给了事件循环'],
  ['Task-2 step', 'Task-2 的一步'],
  ['timer due at t=2', '定时器在 t=2 到期'],
  ['Task-1 awaits asyncio.sleep(0.25)', 'Task-1 等待 asyncio.sleep(0.25)'],
  ['top level awaits asyncio.sleep(1)', '顶层代码 等待 asyncio.sleep(1)'],
  ['scheduled by Task-1 at line 7', '由 Task-1 在第 7 行安排'],
  ['scheduled by top level', '由 顶层代码 安排'],
  ['posted from Thread-1 via call_soon_threadsafe', '由 Thread-1 通过 call_soon_threadsafe 投递'],
  ['posted from worker via call_soon_threadsafe at t=1.5', '由 worker 通过 call_soon_threadsafe 投递，于 t=1.5'],
  ["main sent b'ping'", "main 发出了 b'ping'"],
];

const WAITS: [string, string][] = [
  ['yield to the loop (back in the ready queue)', '把控制权让给事件循环（回到就绪队列）'],
  ['sleep(0): yield to the loop', 'sleep(0)：把控制权让给事件循环'],
  ['sleep(1) until t=2', 'sleep(1)，到 t=2 为止'],
  ['Queue.get (empty, 0 items)', 'Queue.get（队列为空，0 项）'],
  ['PriorityQueue.put (full, maxsize=2, 2 items)', 'PriorityQueue.put（队列已满，maxsize=2，2 项）'],
  ['Queue.join (3 unfinished, 0 items)', 'Queue.join（3 项未完成，0 项）'],
  ['Lock.acquire (held, 1 waiting)', 'Lock.acquire（已被占用，1 个在等）'],
  ['Semaphore.acquire (0 left, 2 waiting)', 'Semaphore.acquire（剩 0 个，2 个在等）'],
  ['Event.wait (not set)', 'Event.wait（尚未 set）'],
  ['Condition.wait_for (until notified)', 'Condition.wait_for（直到被 notify）'],
  ['wait(1 task, ALL_COMPLETED)', 'wait(1 个任务, ALL_COMPLETED)'],
  ['wait(3 tasks, FIRST_COMPLETED, timeout=2)', 'wait(3 个任务, FIRST_COMPLETED, timeout=2)'],
  ['wait_for(a coroutine, timeout=1.5)', 'wait_for(一个协程, timeout=1.5)'],
  ['as_completed: the next one to finish', 'as_completed：下一个完成的'],
  ['Barrier.wait (1 of 3 arrived)', 'Barrier.wait（已到 1 个，共 3 个）'],
  ['TaskGroup exit (2 running)', 'TaskGroup 退出（2 个仍在运行）'],
  ['gather(Task-2, Task-3, Task-4, … 9 tasks)', 'gather(Task-2, Task-3, Task-4, … 共 9 个任务)'],
  ['GET http://example.com/a (120 ms)', 'GET http://example.com/a（120 毫秒）'],
];

const IO: [string, string][] = [
  ['thread ticker (daemon)', '线程 ticker（守护线程）'],
  ['thread Thread-1', '线程 Thread-1'],
  ['crunch(3) on pool_0', 'crunch(3) 在 pool_0 上运行'],
  ['crunch(4) on pool_1, queued 0.5 s for a free worker', 'crunch(4) 在 pool_1 上运行，排队 0.5 秒等空闲线程'],
  ['12 bytes to 127.0.0.1:8888', '12 字节发往 127.0.0.1:8888'],
  ['end of 5 bytes to 127.0.0.1:8888', '5 字节发往 127.0.0.1:8888 结束'],
];

const ENDS: [string, string][] = [
  ['event limit reached: 200,000 trace events', '达到事件上限：200,000 个追踪事件'],
  ['virtual time limit reached: the next timer is at t=700000 s, past the limit of 604800 s',
    '达到虚拟时间上限：下一个定时器在 t=700000 秒，超过了 604800 秒的上限'],
  ['real-time limit reached: the run took over 10 s of real time', '达到真实时间上限：这次运行用了超过 10 秒的真实时间'],
  ['Task-1 ran 2001 ms without yielding to the loop (at line 4)', 'Task-1 运行了 2001 毫秒，一直没有把控制权让给事件循环（第 4 行）'],
  ["the program's top-level code ran 2001 ms without yielding to the loop", '程序的顶层代码 运行了 2001 毫秒，一直没有把控制权让给事件循环'],
  ['Stopped by the user.', '被用户停止。'],
];

describe.each([
  ['handle labels', handleLabel, LABELS],
  ['schedule causes', scheduleCause, CAUSES],
  ['waits', waitDescription, WAITS],
  ['I/O in flight', ioDescription, IO],
  ['run ends', endReason, ENDS],
] as const)('%s', (_, reword, cases) => {
  it.each(cases)('%s', (engine, chinese) => {
    const worded = reword(engine);
    expect(typeof worded).toBe('object');
    expect(say('en', worded)).toBe(engine);
    expect(say('zh-CN', worded)).toBe(chinese);
  });
});

describe('what is not a known shape', () => {
  it('passes through unchanged: code, identifiers and Python’s own text', () => {
    const unknown = ['cb(3)', 'partial fire(1)', 'Future#4', 'Task-3', 'Barrier.wait', 'wait_for(Task-2, timeout=1)',
      'Deadlock: nothing can wake main', 'ValueError: bad'];
    for (const text of unknown) {
      for (const reword of [handleLabel, scheduleCause, waitDescription, ioDescription, endReason]) {
        // Some shapes are deliberately loose (a cause "X step"); none of these reads as one.
        if (reword === scheduleCause && text.endsWith(' step')) continue;
        expect(reword(text)).toBe(text);
      }
    }
  });

  it('keeps Python’s warning categories and words only the engine’s own', () => {
    expect(warningCategory('RuntimeWarning')).toBe('RuntimeWarning');
    expect(say('zh-CN', warningCategory('Limit'))).toBe('上限');
  });

  it('words a blocking request’s description, and leaves a plain blocking call alone', () => {
    expect(blockingCall('time.sleep(1)')).toBe('time.sleep(1)');
    const request = "requests.get('http://x/a') — GET http://x/a (150 ms)";
    expect(say('en', blockingCall(request))).toBe(request);
    expect(say('zh-CN', blockingCall(request))).toBe("requests.get('http://x/a') — GET http://x/a（150 毫秒）");
    expect(blockingCall("requests.get('http://x') — ConnectTimeout")).toBe("requests.get('http://x') — ConnectTimeout");
  });
});
