/** Lessons 18–27: blocking calls, threads, the roots of coroutines, crawlers and a deadlock. */
import backgroundLoop from './py/background-loop.py?raw';
import blockingSleep from './py/blocking-sleep.py?raw';
import crawlerAsyncio from './py/crawler-asyncio.py?raw';
import crawlerSequential from './py/crawler-sequential.py?raw';
import crawlerThreads from './py/crawler-threads.py?raw';
import deadlock from './py/deadlock.py?raw';
import generatorsSend from './py/generators-send.py?raw';
import requestsVsAiohttp from './py/requests-vs-aiohttp.py?raw';
import runInExecutor from './py/run-in-executor.py?raw';
import selectorsLoop from './py/selectors-loop.py?raw';
import { mark, text, type Example } from './types';

export const WORLD: readonly Example[] = [
  {
    id: 'blocking-sleep', source: blockingSleep,
    title: text('time.sleep blocks the loop; asyncio.sleep does not', 'time.sleep 会阻塞循环，asyncio.sleep 不会'),
    watch: text(
      'time.sleep stops the whole thread, and the event loop with it: the three naps happen one after another, 3 s. await asyncio.sleep hands the loop to the others while waiting: all three nap together, 1 s. Look for the red blocked spans on the timeline.',
      'time.sleep 会让整个线程停下，事件循环也跟着停下：三次小睡只能一个接一个，共 3 秒。await asyncio.sleep 在等待时把循环让给别人：三次小睡一起进行，只要 1 秒。留意时间线上红色的阻塞段。'),
    marks: [
      mark({ kind: 'blocked' }, 'time.sleep freezes the loop', 'time.sleep 冻结了事件循环'),
      mark({ kind: 'output', text: 'time.sleep:' }, 'blocking: 3 s', '阻塞：3 秒'),
      mark({ kind: 'output', text: 'asyncio.sleep:' }, 'not blocking: 1 s', '不阻塞：1 秒'),
    ],
  },
  {
    id: 'requests-vs-aiohttp', source: requestsVsAiohttp,
    title: text('requests vs aiohttp', 'requests 与 aiohttp'),
    watch: text(
      'requests.get is a blocking call: even inside coroutines, each request holds the loop until its reply arrives, so they go one by one. aiohttp awaits the network, so all four requests are in flight together.',
      'requests.get 是阻塞调用：即使写在协程里，每个请求也会占住事件循环直到回复到达，所以只能一个一个来。aiohttp 会 await 网络，所以四个请求可以同时进行。'),
    marks: [
      mark({ kind: 'blocked' }, 'requests.get holds the loop', 'requests.get 占住了事件循环'),
      mark({ kind: 'io' }, 'aiohttp: the requests overlap', 'aiohttp：请求同时进行'),
      mark({ kind: 'output', text: 'faster' }, 'aiohttp wins', 'aiohttp 更快'),
    ],
  },
  {
    id: 'run-in-executor', source: runInExecutor,
    title: text('run_in_executor and to_thread', 'run_in_executor 与 to_thread'),
    watch: text(
      'Blocking work can run in a worker thread: loop.run_in_executor and asyncio.to_thread both return something you can await. The loop stays free meanwhile — the heartbeat keeps beating while both photos are resized.',
      '阻塞的工作可以放到工作线程里运行：loop.run_in_executor 和 asyncio.to_thread 都返回一个可以 await 的对象。这期间事件循环保持空闲——两张照片在处理时，心跳照常跳动。'),
    marks: [
      mark({ kind: 'blocked' }, 'time.sleep blocks a worker thread, not the loop', 'time.sleep 阻塞的是工作线程，不是事件循环'),
      mark({ kind: 'output', text: 'beat 1' }, 'the loop keeps running meanwhile', '与此同时事件循环继续运行'),
      mark({ kind: 'output', text: 'took' }, 'both in 1 s, side by side', '两张同时处理，共 1 秒'),
    ],
  },
  {
    id: 'background-loop', source: backgroundLoop,
    title: text('A loop in a background thread', '在后台线程中运行事件循环'),
    watch: text(
      'The event loop runs forever in its own thread. The main thread is ordinary code: run_coroutine_threadsafe hands a coroutine to that loop and returns a concurrent Future, whose result() blocks the main thread until the answer comes back.',
      '事件循环在自己的线程里一直运行。主线程是普通代码：run_coroutine_threadsafe 把协程交给那个循环，返回一个 concurrent Future，调用它的 result() 会阻塞主线程直到答案回来。'),
    marks: [
      mark({ kind: 'blocked', text: 'result' }, 'the main thread waits on result()', '主线程在 result() 上等待'),
      mark({ kind: 'output', text: 'results' }, 'both answers are back', '两个答案都回来了'),
    ],
  },
  {
    id: 'generators-send', source: generatorsSend,
    title: text('Generators and send: where coroutines come from', '生成器与 send：协程的由来'),
    watch: text(
      'A generator pauses at each yield and continues when you call next() or send(value) — send even passes a value in. yield from forwards send() to an inner generator, just as await does today. The last part is a tiny scheduler: each job yields to give the others a turn, like tasks on a loop.',
      '生成器在每个 yield 处暂停，调用 next() 或 send(value) 时继续——send 还能把值传进去。yield from 会把 send() 转交给内层生成器，正如今天的 await。最后一段是个迷你调度器：每个工作都用 yield 让出执行机会，就像事件循环上的任务。'),
    marks: [
      mark({ kind: 'output', text: 'counter starts' }, 'next() runs to the first yield', 'next() 运行到第一个 yield'),
      mark({ kind: 'output', text: 'send(5)' }, 'send passes a value in at the yield', 'send 在 yield 处把值传进去'),
      mark({ kind: 'output', text: 'a step 0' }, 'the toy scheduler takes turns', '迷你调度器轮流运行'),
    ],
  },
  {
    id: 'selectors-loop', source: selectorsLoop,
    title: text('A hand-made event loop on selectors', '基于 selectors 的手写事件循环'),
    watch: text(
      'No asyncio at all: each download is a generator that yields the socket it waits on. The loop asks the selector which sockets are ready and resumes the generator that waits on each — this is what asyncio does under the hood.',
      '完全不用 asyncio：每个下载都是一个生成器，yield 出它要等的套接字。循环问选择器（selector）哪些套接字就绪，再恢复等在上面的生成器——这正是 asyncio 在底层做的事。'),
    marks: [
      mark({ kind: 'blocked', text: 'select' }, 'select() waits until a socket is ready', 'select() 一直等到有套接字就绪'),
      mark({ kind: 'output' }, 'all three pages are in', '三个页面都拿到了'),
    ],
  },
  {
    id: 'crawler-sequential', source: crawlerSequential,
    title: text('Crawler 1: one page after another', '爬虫 1：一页接一页'),
    watch: text(
      'The plainest crawler: requests.get waits for each reply before asking for the next page, so the total is the sum of all the waits.',
      '最朴素的爬虫：requests.get 等到每个回复后才请求下一页，所以总时间是所有等待时间之和。'),
    marks: [
      mark({ kind: 'blocked', nth: 2 }, 'the second page waits for the first', '第二页要等第一页'),
      mark({ kind: 'output', text: 'one after another' }, 'the total: every wait added up', '总时间：所有等待相加'),
    ],
  },
  {
    id: 'crawler-threads', source: crawlerThreads,
    title: text('Crawler 2: three threads', '爬虫 2：三个线程'),
    watch: text(
      'A thread pool runs three blocking requests at a time, each in its own thread. Faster, but every thread costs memory, and three is the limit here.',
      '线程池一次运行三个阻塞请求，每个请求一个线程。更快了，但每个线程都占内存，而且这里最多只有三个。'),
    marks: [
      mark({ kind: 'blocked', text: 'item/3' }, 'three requests wait at once, one per thread', '三个请求同时在等，每个线程一个'),
      mark({ kind: 'output', text: 'three threads' }, 'the total with three threads', '三个线程的总时间'),
    ],
  },
  {
    id: 'crawler-asyncio', source: crawlerAsyncio,
    title: text('Crawler 3: one loop, all at once', '爬虫 3：一个循环，全部同时'),
    watch: text(
      'One thread and one event loop: every request awaits the network, so all six are in flight together and the total is about the slowest single reply.',
      '一个线程、一个事件循环：每个请求都 await 网络，所以六个请求同时进行，总时间大约就是最慢的那个回复。'),
    marks: [
      mark({ kind: 'io', nth: 6 }, 'all six requests are in flight', '六个请求都在进行'),
      mark({ kind: 'output', text: 'one loop' }, 'the total: about one reply', '总时间：大约一个回复'),
    ],
  },
  {
    id: 'deadlock', source: deadlock, showsError: true,
    title: text('A deadlock: waiting for what never comes', '死锁：等一件永远不会来的事'),
    watch: text(
      'The waiter awaits orders.get(), but nobody ever puts an order in the queue. Nothing is ready, no timer is set, no I/O is in flight: the loop can never wake it. Real Python would hang forever; Loopscope stops and says who waits on what.',
      '服务员 await orders.get()，但从来没人往队列里放订单。没有就绪的回调、没有定时器、也没有进行中的 I/O：事件循环再也无法唤醒它。真正的 Python 会永远卡住；Loopscope 会停下来，告诉你谁在等什么。'),
    marks: [
      mark({ kind: 'suspend', text: 'Queue.get' }, 'the waiter waits on an empty queue', '服务员在等一个空队列'),
      mark({ kind: 'error' }, 'deadlock: nothing can wake it', '死锁：没有什么能唤醒它'),
    ],
  },
];
