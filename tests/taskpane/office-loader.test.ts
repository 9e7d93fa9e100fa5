/**
 * office.js must never hold the page: a CDN that hangs, fails or is slow still gives a browser the
 * preview in time, while inside Office the pane waits for office.js as long as it takes.
 */
import {
  bootOffice,
  looksHostedByOffice,
  OFFICE_WAIT_MS,
  type OfficeBoot,
} from "../../src/taskpane/office-loader";

function harness(overrides: Partial<OfficeBoot> = {}) {
  const started: string[] = [];
  const boot: OfficeBoot = {
    officeJsUrl: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    hosted: false,
    loadScript: () => new Promise<void>(() => undefined), // hangs
    onReady: () => Promise.resolve("other"),
    onExcel: () => started.push("excel"),
    onPreview: () => started.push("preview"),
    setTimer: (run, ms) => setTimeout(run, ms),
    ...overrides,
  };
  return { boot, started };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test("a hanging CDN: the preview starts after the wait, and only once", async () => {
  const { boot, started } = harness();
  bootOffice(boot);
  await jest.advanceTimersByTimeAsync(OFFICE_WAIT_MS - 1);
  expect(started).toEqual([]);
  await jest.advanceTimersByTimeAsync(1);
  expect(started).toEqual(["preview"]);
  expect(OFFICE_WAIT_MS).toBeLessThan(3000);
});

test("a refused CDN: the preview starts at once", async () => {
  const { boot, started } = harness({ loadScript: () => Promise.reject(new Error("blocked")) });
  bootOffice(boot);
  await jest.advanceTimersByTimeAsync(0);
  expect(started).toEqual(["preview"]);
  await jest.advanceTimersByTimeAsync(OFFICE_WAIT_MS);
  expect(started).toEqual(["preview"]);
});

test("office.js that says Excel starts the Excel pane, and the timer does not add a preview", async () => {
  const { boot, started } = harness({
    loadScript: () => Promise.resolve(),
    onReady: () => Promise.resolve("excel"),
  });
  bootOffice(boot);
  await jest.advanceTimersByTimeAsync(OFFICE_WAIT_MS * 2);
  expect(started).toEqual(["excel"]);
});

test("inside Office a slow office.js is waited for, however long", async () => {
  let loaded!: () => void;
  const { boot, started } = harness({
    hosted: true,
    loadScript: () => new Promise<void>((resolve) => (loaded = resolve)),
    onReady: () => Promise.resolve("excel"),
  });
  bootOffice(boot);
  await jest.advanceTimersByTimeAsync(60_000);
  expect(started).toEqual([]);
  loaded();
  await jest.advanceTimersByTimeAsync(0);
  expect(started).toEqual(["excel"]);
});

test("Office's own URL parameter marks the page as hosted", () => {
  expect(looksHostedByOffice("?_host_Info=Excel$Win32$16.01$zh-CN$$$$0")).toBe(true);
  expect(looksHostedByOffice("?et=&_host_Info=excel|web|16.00")).toBe(true);
  expect(looksHostedByOffice("")).toBe(false);
  expect(looksHostedByOffice("?lang=en")).toBe(false);
});
