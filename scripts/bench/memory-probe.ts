// Memory of a bench process that handles many items, for rows whose target is "memory flat": `mark()` once a tenth
// of the items are done (modules loaded, pools and caches warm), so what grows after that grows with the items.
// Retained memory is the heap in use right after a full collection (the process runs with --expose-gc).
const retained = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

export function memoryProbe() {
  let rssStart = 0;
  let rssPeak = 0;
  let heapStart = 0;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);
  return {
    get marked() {
      return rssStart > 0;
    },
    mark() {
      heapStart = retained();
      rssPeak = rssStart = process.memoryUsage().rss;
    },
    finish() {
      clearInterval(sampler);
      return { rssStart, rssPeak, heapStart, heapEnd: retained() };
    },
  };
}
