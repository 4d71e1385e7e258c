/** Page helper: drives Loopscope the way a user does, and reads what the panels show. */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** RFC 4648 §5 base64url, no padding: the `#code=` form. */
export function codeLink(source: string): string {
  return `/#code=${Buffer.from(source, 'utf8').toString('base64url')}`;
}

/** What every panel shows at one step, as text, for exact comparisons. */
export interface Panels {
  step: string;
  clock: string;
  narration: string;
  runningNow: string;
  readyQueue: string;
  timerHeap: string;
  timers: number;
  tasks: { name: string; state: string; text: string }[];
  console: string[];
}

export class App {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Opens the app (with `source` through a link when given) and waits until Python is ready. */
  async open(source?: string): Promise<void> {
    await this.page.goto(source === undefined ? '/' : codeLink(source));
    await expect(this.page.getByTestId('engine-status')).toHaveText('ready', { timeout: 30_000 });
  }

  /** Runs the program and waits for the whole trace. */
  async run(): Promise<void> {
    await this.page.getByTestId('run').click();
    await expect(this.page.getByTestId('stop')).toBeDisabled({ timeout: 30_000 });
    await expect(this.page.getByTestId('engine-status')).toHaveText('ready');
    // Keys go to the page, not to a focused editor or button.
    await this.page.locator('body').click({ position: { x: 2, y: 2 } });
  }

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
  }

  /** Current step and total, from "step 12 / 111". */
  async position(): Promise<{ step: number; total: number }> {
    const text = (await this.page.getByTestId('step-count').innerText()).replace(/\s+/g, ' ');
    const [, step, total] = /step (\d+) \/ (\d+)/.exec(text) ?? [];
    return { step: Number(step), total: Number(total) };
  }

  async consoleLines(): Promise<string[]> {
    return this.page.getByTestId('console-line').locator('.console-text').allInnerTexts();
  }

  async panels(): Promise<Panels> {
    return this.page.evaluate(readPanels);
  }

  /**
   * Presses → (or ←) `steps` times inside the page, reading every panel after each
   * painted frame. One round trip instead of hundreds keeps the test fast; the keys go
   * through the same window listener a real keypress reaches.
   */
  async walk(key: 'ArrowRight' | 'ArrowLeft', steps: number): Promise<Panels[]> {
    return this.page.evaluate(async ({ key, steps, read }) => {
      // Functions cannot cross into the page; the reader goes as its source text.
      const readNow = new Function(`return (${read})()`) as () => Panels;
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      const seen: Panels[] = [];
      for (let i = 0; i < steps; i++) {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        await frame();
        seen.push(readNow());
      }
      return seen;
    }, { key, steps, read: readPanels.toString() });
  }
}

/** Runs in the page: the text of every panel. */
function readPanels(): Panels {
  const text = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.innerText ?? '';
  return {
    step: text('step-count'),
    clock: text('clock'),
    narration: text('narration'),
    runningNow: text('running-now'),
    readyQueue: text('ready-queue'),
    timerHeap: text('timer-heap'),
    timers: document.querySelectorAll('[data-testid="timer-heap"] [data-flip]').length,
    tasks: [...document.querySelectorAll<HTMLElement>('[data-testid="task-card"]')].map((card) => ({
      name: card.dataset.taskName ?? '', state: card.dataset.state ?? '', text: card.innerText,
    })),
    console: [...document.querySelectorAll<HTMLElement>('[data-testid="console-line"] .console-text')].map((x) => x.innerText),
  };
}
