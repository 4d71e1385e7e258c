/** Lessons 10–17: stopping work, futures and callbacks, and tasks that coordinate. */
import callSoonLaterAt from './py/call-soon-later-at.py?raw';
import cancellation from './py/cancellation.py?raw';
import futureCallbacks from './py/future-callbacks.py?raw';
import lockEventCondition from './py/lock-event-condition.py?raw';
import producerConsumer from './py/producer-consumer.py?raw';
import semaphoreCrawler from './py/semaphore-crawler.py?raw';
import shield from './py/shield.py?raw';
import taskgroup from './py/taskgroup.py?raw';
import { mark, text, type Example } from './types';

export const COORDINATION: readonly Example[] = [
  {
    id: 'cancellation', source: cancellation,
    title: text('Cancelling a task and cleaning up', '取消任务并做好清理'),
    watch: text(
      'task.cancel() does not stop the task on the spot: the next time it runs, its await raises CancelledError. The task can catch it to clean up (except / finally), and should raise it again so the task really ends as cancelled.',
      'task.cancel() 不会当场停止任务：任务下次运行时，它的 await 处会抛出 CancelledError。任务可以捕获它来做清理（except / finally），然后应该重新抛出，让任务真正以“已取消”结束。'),
    marks: [
      mark({ kind: 'cancel' }, 'main asks for the cancellation', 'main 请求取消'),
      mark({ kind: 'output', text: 'cleaning up' }, 'the task sees CancelledError at its await', '任务在 await 处收到 CancelledError'),
      mark({ kind: 'task-done', text: 'cancelled' }, 'the task ends as cancelled', '任务以“已取消”结束'),
    ],
  },
  {
    id: 'shield', source: shield,
    title: text('shield: protect work from cancellation', 'shield：保护工作不被取消'),
    watch: text(
      'wait_for would cancel what it waits for when time runs out. asyncio.shield puts a guard in between: the timeout cancels the guard, not the save, which keeps running and can still be awaited.',
      'wait_for 超时时会取消它等待的对象。asyncio.shield 在中间加了一层保护：超时取消的是这层保护，而不是保存操作本身，保存会继续运行，之后仍可以 await 它。'),
    marks: [
      mark({ kind: 'output', text: 'stopped waiting' }, 'the timeout hits the shield, not the save', '超时打在 shield 上，而不是保存操作上'),
      mark({ kind: 'output', text: 'saving finished' }, 'the save finishes anyway', '保存照样完成'),
    ],
  },
  {
    id: 'future-callbacks', source: futureCallbacks,
    title: text('Futures: set_result and done callbacks', 'Future：set_result 与完成回调'),
    watch: text(
      'A Future is a box for a result that will arrive later. Awaiting it suspends main until someone calls set_result. Callbacks added with add_done_callback are scheduled on the loop as soon as the result is set.',
      'Future 是一个“以后才会有结果”的盒子。await 它会让 main 挂起，直到有人调用 set_result。用 add_done_callback 添加的回调，会在结果设置后立即被安排到事件循环上运行。'),
    marks: [
      mark({ kind: 'suspend' }, 'main waits on the empty future', 'main 等待还空着的 future'),
      mark({ kind: 'callback', text: 'set_result' }, 'set_result fills the future', 'set_result 填入结果'),
      mark({ kind: 'output', text: 'callback' }, 'the done callback runs', '完成回调运行了'),
    ],
  },
  {
    id: 'call-soon-later-at', source: callSoonLaterAt,
    title: text('call_soon, call_later, call_at: who runs when', 'call_soon、call_later、call_at：谁何时运行'),
    watch: text(
      'call_soon puts a callback at the back of the ready queue; call_later and call_at put it in the timer heap, due after a delay or at a time on the loop\'s clock. Nothing runs until main gives the loop a turn. Same-time callbacks run in the order they were scheduled.',
      'call_soon 把回调放到就绪队列末尾；call_later 和 call_at 把回调放进定时器堆，分别在一段延迟后、或在循环时钟的某个时刻到期。在 main 交出控制权之前，什么都不会运行。同一时刻的回调按安排的先后顺序运行。'),
    marks: [
      mark({ kind: 'output', text: 'main has scheduled' }, 'five callbacks wait; none has run', '五个回调在等，还没有一个运行'),
      mark({ kind: 'output', text: 'call_soon first' }, 'the ready queue goes first', '就绪队列里的先运行'),
      mark({ kind: 'clock' }, 'the clock jumps to the call_at timer', '时钟跳到 call_at 的定时器'),
    ],
  },
  {
    id: 'producer-consumer', source: producerConsumer,
    title: text('Queue: a producer and a consumer', 'Queue：生产者与消费者'),
    watch: text(
      'The baker puts loaves on a shelf that holds two; the customer takes them more slowly. When the shelf is full, put waits; when it is empty, get waits — each side is paused until the other makes room or brings bread. None is the signal to stop.',
      '面包师把面包放到最多能放两个的架子上；顾客拿得比较慢。架子满了，put 就等待；架子空了，get 就等待——每一方都暂停，直到另一方腾出位置或放上面包。None 是结束的信号。'),
    marks: [
      mark({ kind: 'suspend', text: 'Queue.get' }, 'the shelf is empty: the customer waits', '架子空了：顾客在等'),
      mark({ kind: 'suspend', text: 'Queue.put' }, 'the shelf is full: the baker waits', '架子满了：面包师在等'),
      mark({ kind: 'output', text: 'goes home' }, 'None arrives: the customer stops', '收到 None：顾客结束'),
    ],
  },
  {
    id: 'lock-event-condition', source: lockEventCondition,
    title: text('Lock, Event and Condition', 'Lock、Event 与 Condition'),
    watch: text(
      'The Lock lets one withdrawal at a time read and write the balance, even though each pauses in between. The Event holds both runners until main calls set(). The Condition lets diners wait until a plate is there, and notify() wakes one of them.',
      'Lock 保证一次只有一笔取款读写余额，即使每笔中间都会暂停。Event 让两个跑者一直等到 main 调用 set()。Condition 让食客等到有菜了再吃，notify() 会唤醒其中一个。'),
    marks: [
      mark({ kind: 'suspend', text: 'Lock' }, 'bo waits for the lock', 'bo 在等锁'),
      mark({ kind: 'output', text: 'go!' }, 'the event is set: both runners wake', '事件被设置：两个跑者都被唤醒'),
      mark({ kind: 'output', text: 'eats soup' }, 'notify wakes one diner', 'notify 唤醒了一位食客'),
    ],
  },
  {
    id: 'semaphore-crawler', source: semaphoreCrawler,
    title: text('A crawler limited by a Semaphore', '用 Semaphore 限流的爬虫'),
    watch: text(
      'Eight pages are requested with aiohttp, but the Semaphore(3) lets only three requests be in flight at once: the fourth waits at async with limit until one finishes. Watch the "I/O in flight" list never grow past three.',
      '用 aiohttp 请求八个页面，但 Semaphore(3) 同时只允许三个请求在进行：第四个要在 async with limit 处等，直到有一个完成。留意“进行中的 I/O”列表从不超过三个。'),
    marks: [
      mark({ kind: 'suspend', text: 'Semaphore' }, 'three in flight: the next request waits', '已有三个在进行：下一个请求在等'),
      mark({ kind: 'io', text: 'page/4' }, 'a slot is free: page 4 starts', '空出一个名额：第 4 页开始'),
      mark({ kind: 'output', text: '200' }, 'all pages are in', '所有页面都拿到了'),
    ],
  },
  {
    id: 'taskgroup', source: taskgroup,
    title: text('TaskGroup: all finish, or all stop', 'TaskGroup：要么都完成，要么都停下'),
    watch: text(
      'A TaskGroup waits at the end of its async with block until every task in it has finished. If one task fails, the group cancels the others and raises the errors together as an ExceptionGroup, caught here with except*.',
      'TaskGroup 会在 async with 代码块结束处等待组里所有任务完成。如果有一个任务失败，任务组会取消其他任务，并把错误合在一起作为 ExceptionGroup 抛出，这里用 except* 捕获。'),
    marks: [
      mark({ kind: 'output', text: 'both done' }, 'the block ends only when both tasks have', '两个任务都完成，代码块才结束'),
      mark({ kind: 'task-done', text: 'failed' }, 'toast burns: its task fails', '吐司烤焦了：它的任务失败'),
      mark({ kind: 'cancel' }, 'the group cancels rice', '任务组取消了 rice'),
    ],
  },
];
