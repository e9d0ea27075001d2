// layout-check.js is appended to a copy of a rampart report by the Go test
// TestReportLayoutInChromium (internal/study). Once the page has laid out,
// it measures what a reader would see at the window's width and writes the
// findings as JSON into a pre element, id rampart-check, which the test reads
// back with chromium --dump-dom:
//   overlaps: pairs of text labels of one figure whose boxes intersect
//             (more than overlapTolerancePx in both directions);
//   overflow: tables and wide blocks wider than the page column, so that
//             a part of them is cut off or must be scrolled;
//   empty:    figures with no drawn marks.
(function () {
  const overlapTolerancePx = 1.5;
  const out = { width: window.innerWidth, figures: 0, overlaps: [], overflow: [] };
  document.querySelectorAll("figure").forEach((fig) => {
    const svg = fig.querySelector("svg");
    if (!svg) return;
    out.figures++;
    const boxes = [];
    svg.querySelectorAll("text").forEach((t) => {
      const s = t.textContent.trim();
      if (s === "") return;
      const r = t.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return;
      boxes.push({ text: s, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom });
    });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (w > overlapTolerancePx && h > overlapTolerancePx) {
          out.overlaps.push({ figure: fig.id, a: a.text, b: b.text, w: Math.round(w), h: Math.round(h) });
        }
      }
    }
  });
  document.querySelectorAll("table, .wide, pre").forEach((el) => {
    if (el.scrollWidth > el.clientWidth + 1) {
      const cap = el.querySelector("caption");
      out.overflow.push({ element: el.tagName.toLowerCase() + (el.id ? "#" + el.id : ""),
        caption: cap ? cap.textContent.slice(0, 80) : "", scroll: el.scrollWidth, client: el.clientWidth });
    }
  });
  const pre = document.createElement("pre");
  pre.id = "rampart-check";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
