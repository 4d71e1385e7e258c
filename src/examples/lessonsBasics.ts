/** Lessons 1–9: what a coroutine is, how the loop runs it, and running many at once. */
import awaitVsTask from './py/await-vs-task.py?raw';
import cafe from './py/cafe.py?raw';
import coroutineObject from './py/coroutine-object.py?raw';
import createTask from './py/create-task.py?raw';
import gatherAsCompleted from './py/gather-as-completed.py?raw';
import gatherExceptions from './py/gather-exceptions.py?raw';
import runUntilComplete from './py/run-until-complete.py?raw';
import waitForTimeout from './py/wait-for-timeout.py?raw';
import waitModes from './py/wait-modes.py?raw';
import { mark, text, type Example } from './types';

export const BASICS: readonly Example[] = [
  {
    id: 'cafe', source: cafe,
    title: text('A first look: three drinks at once', '初识：同时做三杯饮料'),
    watch: text(
      'Each drink is made by a coroutine: a function written with async def that can pause while it waits. Here it pauses at await asyncio.sleep(…), a pretend wait that stands for real work such as brewing. asyncio.gather starts the three together, and the event loop (the part of asyncio that picks what runs next) runs another drink whenever one is waiting, so the whole order takes 3 s, not 1 + 3 + 2 = 6 s. Watch the timer heap, the list of waits in progress: when nothing is ready to run, the clock jumps straight to the end of the next wait (a real program would sit idle until then).',
      '每杯饮料由一个协程来做：协程是用 async def 写的、能在等待时暂停的函数。这里它在 await asyncio.sleep(…) 处暂停——这是一次“假装的等待”，代表煮咖啡这类真正花时间的工作。asyncio.gather 让三杯一起开工，而事件循环（asyncio 里决定下一步运行什么的部分）会在一杯等待时去做另一杯，所以整单只要 3 秒，而不是 1 + 3 + 2 = 6 秒。留意定时器堆（正在进行的等待列表）：没有可运行的事时，时钟直接跳到下一个等待结束的时刻（真实的程序会在这段时间里空等）。'),
    marks: [
      mark({ kind: 'output', text: 'start tea' }, 'all three drinks have started; none has finished', '三杯都开始了，还没有一杯做完'),
      mark({ kind: 'clock' }, 'nothing is ready: the clock jumps to the first timer', '没有就绪的事：时钟跳到第一个定时器'),
      mark({ kind: 'output', text: 'served' }, 'gather hands back all three results', 'gather 交回三个结果'),
    ],
  },
  {
    id: 'coroutine-object', source: coroutineObject,
    title: text('A coroutine object is not a running coroutine', '协程对象不等于正在运行的协程'),
    watch: text(
      'A function written with async def is a coroutine function. Calling it does not run it: you get a coroutine object, a paused piece of work. Its body runs only when an event loop drives it, here through asyncio.run. At the end, greet("Bob") makes an object that nobody runs, so nothing is printed for Bob, and Python warns that it was "never awaited": await, which the next lessons use, is the usual way to run a coroutine object from inside another coroutine.',
      '用 async def 写的函数是协程函数。调用它并不会执行它，只会得到一个协程对象——一份暂停着的工作。只有事件循环驱动它时（这里通过 asyncio.run），函数体才会执行。最后的 greet("Bob") 造出的对象没人运行，所以没有打印 Bob，Python 还会警告它“never awaited（从未被 await）”：在一个协程里运行另一个协程对象，通常就是用 await，后面几课都会用到。'),
    marks: [
      mark({ kind: 'output', text: 'job is a' }, 'the object exists, but greet has not printed anything', '对象已经有了，但 greet 还什么都没打印'),
      mark({ kind: 'output', text: 'hello, Ada' }, 'the body runs only now, inside the loop', '直到现在函数体才在事件循环里执行'),
      mark({ kind: 'warning' }, 'greet("Bob") was never run: Python warns', 'greet("Bob") 从未运行：Python 发出警告'),
    ],
  },
  {
    id: 'run-until-complete', source: runUntilComplete,
    title: text('loop.run_until_complete vs asyncio.run', 'loop.run_until_complete 与 asyncio.run'),
    watch: text(
      'Coroutines need an event loop to run in. Older tutorials make the loop by hand (asyncio.new_event_loop), call run_until_complete for each coroutine, and close the loop at the end. asyncio.run does all three for you: it makes a new loop, runs the coroutine you give it (here main) to its end, and closes the loop — which is why it is the usual way today.',
      '协程必须在事件循环里运行。较早的教程会手动创建循环（asyncio.new_event_loop），对每个协程调用 run_until_complete，最后关闭循环。asyncio.run 一次帮你做完这三件事：新建循环、把交给它的协程（这里是 main）运行完、关闭循环——所以现在一般都用它。'),
    marks: [
      mark({ kind: 'loop', text: 'create' }, 'the program makes its own loop', '程序自己创建事件循环'),
      mark({ kind: 'loop', text: 'close' }, 'the program closes it by hand', '程序手动关闭它'),
      mark({ kind: 'loop', text: 'create', nth: 2 }, 'asyncio.run makes a fresh loop for main', 'asyncio.run 为 main 新建一个循环'),
    ],
  },
  {
    id: 'await-vs-task', source: awaitVsTask,
    title: text('Awaiting a coroutine vs a task: 3 s or 2 s', 'await 协程与 await 任务：3 秒还是 2 秒'),
    watch: text(
      'await say_after(…) runs that coroutine to its end before the next line starts, so the two waits add up: 1 s + 2 s = 3 s. asyncio.create_task instead hands each coroutine to the event loop as a Task, which the loop runs on its own, alongside main; both tasks wait at the same time, so the pair takes only as long as the slower one: 2 s. Compare the two halves on the timeline at the bottom, which has a lane per task.',
      'await say_after(…) 会先把这个协程运行完，才执行下一行，所以两次等待相加：1 秒 + 2 秒 = 3 秒。asyncio.create_task 则把每个协程包装成 Task（任务）交给事件循环，由事件循环在 main 之外独立运行；两个任务同时等待，所以总共只要较慢那个的时间：2 秒。在下方的时间线上比较前后两半，每个任务占一行。'),
    marks: [
      mark({ kind: 'output', text: 'awaiting coroutines took' }, 'one after another: 3 s', '一个接一个：3 秒'),
      mark({ kind: 'task-created', text: 'say_after' }, 'the first task: it will run alongside main', '第一个任务：它会和 main 并行运行'),
      mark({ kind: 'output', text: 'awaiting tasks took' }, 'side by side: 2 s', '并行：2 秒'),
    ],
  },
  {
    id: 'create-task', source: createTask,
    title: text('create_task and ensure_future', 'create_task 与 ensure_future'),
    watch: text(
      'create_task does not start the task at once: it puts the task\'s first step in the ready queue, the loop\'s to-do list. Only one piece of code runs at a time, so the tasks start only when main pauses and gives the loop a turn — here at await asyncio.sleep(0), a wait of no time at all that just pauses main. ensure_future, which older code uses, does the same for a coroutine; given a task, it returns that same task.',
      'create_task 不会立刻启动任务：它只是把任务的第一步放进就绪队列——事件循环的待办清单。同一时刻只有一段代码在运行，所以要等 main 暂停、把执行机会交给事件循环，任务才会开始——这里是 await asyncio.sleep(0)：一次零秒的等待，作用只是让 main 暂停一下。旧代码常用的 ensure_future 对协程也做同样的事；如果传入的已经是任务，就原样返回这个任务。'),
    marks: [
      mark({ kind: 'task-created', text: 'worker' }, 'task a is created, but does not start', '任务 a 已创建，但还没开始'),
      mark({ kind: 'suspend', text: 'yield' }, 'main yields: now the tasks get their turn', 'main 让出控制权：任务终于轮到了'),
      mark({ kind: 'output', text: 'results' }, 'awaiting each task gives its return value', 'await 每个任务得到它的返回值'),
    ],
  },
  {
    id: 'gather-as-completed', source: gatherAsCompleted,
    title: text('gather vs as_completed', 'gather 与 as_completed'),
    watch: text(
      'Both run the three downloads at the same time. gather waits for all of them and gives the results in the order you listed them. as_completed gives each result as soon as it is ready, fastest first.',
      '两者都让三个下载同时进行。gather 等全部完成，按你列出的顺序给出结果。as_completed 谁先好就先给谁，最快的排第一。'),
    marks: [
      mark({ kind: 'output', text: 'gather gave' }, 'gather: results in the order asked', 'gather：按请求顺序给出结果'),
      mark({ kind: 'output', text: 'as_completed gave' }, 'as_completed: the fastest comes first', 'as_completed：最快的先来'),
    ],
  },
  {
    id: 'wait-modes', source: waitModes,
    title: text('asyncio.wait: FIRST_COMPLETED, timeout, ALL_COMPLETED', 'asyncio.wait 的三种等法：FIRST_COMPLETED、timeout、ALL_COMPLETED'),
    watch: text(
      'asyncio.wait returns two sets, done and pending, and never cancels anything itself. With FIRST_COMPLETED it returns as soon as one task ends; with a timeout, after that many seconds; with ALL_COMPLETED, when every task has ended. Tasks still pending keep running until you cancel them.',
      'asyncio.wait 返回两个集合：done（已完成）和 pending（未完成），它自己从不取消任务。FIRST_COMPLETED 表示有一个任务结束就返回；timeout 表示到时间就返回；ALL_COMPLETED 表示全部结束才返回。未完成的任务会继续运行，直到你取消它们。'),
    marks: [
      mark({ kind: 'output', text: 'FIRST_COMPLETED' }, 'one done, two still pending', '一个完成，两个还在等'),
      mark({ kind: 'cancel' }, 'main cancels what was still pending', 'main 取消还没完成的任务'),
      mark({ kind: 'output', text: 'timeout=2.5' }, 'after 2.5 s: two done, slow still running', '2.5 秒后：两个完成，slow 还在跑'),
      mark({ kind: 'output', text: 'ALL_COMPLETED' }, 'all three done', '三个全部完成'),
    ],
  },
  {
    id: 'gather-exceptions', source: gatherExceptions,
    title: text('Return values and exceptions in gather', 'gather 中的返回值与异常'),
    watch: text(
      'With return_exceptions=True, an exception is returned in the results list like a value. Without it, gather raises the first exception at once — but the other coroutines are not cancelled: they keep running and finish later.',
      '加上 return_exceptions=True，异常会像普通值一样出现在结果列表里。不加的话，gather 会立刻抛出第一个异常——但其他协程并不会被取消：它们继续运行，稍后完成。'),
    marks: [
      mark({ kind: 'task-done', text: 'failed' }, 'divide(1, 0) fails', 'divide(1, 0) 失败了'),
      mark({ kind: 'output', text: 'return_exceptions=True' }, 'the error sits in the results', '错误就在结果列表里'),
      mark({ kind: 'output', text: 'without it' }, 'now gather raises, while the others still run', '这次 gather 抛出异常，其他任务还在运行'),
    ],
  },
  {
    id: 'wait-for-timeout', source: waitForTimeout,
    title: text('wait_for and asyncio.timeout', 'wait_for 与 asyncio.timeout'),
    watch: text(
      'wait_for gives a coroutine a deadline: if it is not done in time, it is cancelled (it gets CancelledError) and you get TimeoutError. asyncio.timeout does the same for a whole block of code.',
      'wait_for 给协程设一个期限：到时没完成就取消它（它会收到 CancelledError），你则得到 TimeoutError。asyncio.timeout 对一整段代码做同样的事。'),
    marks: [
      mark({ kind: 'cancel' }, 'the deadline passes: the coroutine is cancelled', '期限已到：协程被取消'),
      mark({ kind: 'output', text: 'wait_for gave up' }, 'main gets TimeoutError', 'main 得到 TimeoutError'),
      mark({ kind: 'output', text: 'asyncio.timeout gave up' }, 'the same with a timeout block', '用 timeout 代码块也一样'),
    ],
  },
];
