// csorg export --format html: the page's own script (no library, no network).
// It copies the static chart into a live one and re-lays out the boxes that are shown with
// the algorithm of csorg/export/layout.py (keep the two in step: a test compares them).
(() => {
  "use strict";
  const NS = "http://www.w3.org/2000/svg";
  const data = JSON.parse(document.getElementById("csorg-chart").textContent);
  const S = data.spacing;
  const F = data.frame;
  const nodes = data.nodes;
  const N = nodes.length;
  const figure = document.querySelector("figure.chart");
  const staticSvg = figure.querySelector(".static svg");
  const liveBox = figure.querySelector(".live");
  const printBox = figure.querySelector(".print-regions");
  const $ = (id) => document.getElementById(id);

  // --- the tree -------------------------------------------------------------------------
  const kids = Array.from({ length: N }, () => []);
  const depth = new Array(N).fill(0);
  const below = new Array(N).fill(0); // people under each box
  nodes.forEach((n, i) => {
    if (n.manager >= 0) {
      kids[n.manager].push(i);
      depth[i] = depth[n.manager] + 1; // managers come before their reports
    }
  });
  for (let i = N - 1; i >= 0; i--) {
    if (nodes[i].manager >= 0) below[nodes[i].manager] += below[i] + 1;
  }
  const root = nodes.findIndex((n) => n.manager < 0);
  const fold = (s) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const haystack = nodes.map((n) =>
    fold([n.title, n.id, n.role, n.region, n.segment, ...n.pods.flat(), ...n.serves.flat()].join(" ")),
  );

  // --- the layout (a port of csorg/export/layout.py) --------------------------------------
  function columnSize(column) {
    return [S.indent + S.boxWidth, column.length * S.boxHeight + (column.length - 1) * S.stackGap];
  }

  function slotsOf(reports, visibleKids) {
    const leaves = reports.filter((k) => visibleKids(k).length === 0);
    if (leaves.length < 2) return reports.slice();
    const columns = Math.ceil(leaves.length / S.columnLength);
    const size = Math.ceil(leaves.length / columns);
    const starts = new Map();
    for (let i = 0; i < leaves.length; i += size) starts.set(leaves[i], leaves.slice(i, i + size));
    const slots = [];
    for (const kid of reports) {
      if (visibleKids(kid).length > 0) slots.push(kid);
      else if (starts.has(kid)) slots.push(starts.get(kid));
    }
    return slots;
  }

  function wrap(widths, gap, limit) {
    const greedy = (cap) => {
      const rows = [];
      let start = 0;
      let used = 0;
      widths.forEach((width, index) => {
        if (index > start && used + gap + width > cap) {
          rows.push([start, index]);
          start = index;
          used = width;
        } else {
          used = index === start ? width : used + gap + width;
        }
      });
      rows.push([start, widths.length]);
      return rows;
    };
    let best = greedy(limit);
    let low = Math.max(...widths);
    let high = limit;
    if (high <= low) return best;
    for (let k = 0; k < 40; k++) {
      const cap = (low + high) / 2;
      const rows = greedy(cap);
      if (rows.length <= best.length) {
        high = cap;
        best = rows;
      } else {
        low = cap;
      }
    }
    return best;
  }

  function arrange(node, visibleKids, blocks) {
    const w = S.boxWidth;
    const h = S.boxHeight;
    const gap = S.columnGap;
    const slots = slotsOf(visibleKids(node), visibleKids);
    if (slots.length === 0) return { width: w, height: h, anchor: w / 2, kind: "leaf", slots: [] };
    if (slots.length === 1 && Array.isArray(slots[0])) {
      const [width, height] = columnSize(slots[0]);
      return { width, height: h + S.stackGap + height, anchor: w / 2, kind: "under", slots: [[slots[0], 0, 0]] };
    }
    const sizes = slots.map((slot) =>
      Array.isArray(slot)
        ? [...columnSize(slot), S.indent / 2]
        : [blocks[slot].width, blocks[slot].height, blocks[slot].anchor],
    );
    let total = 0;
    for (const size of sizes) total += size[0];
    total += gap * (slots.length - 1);
    const top = h + S.rowGap;
    if (total <= S.maxWidth || slots.length === 1) {
      const first = sizes[0][2];
      const last = total - sizes[sizes.length - 1][0] + sizes[sizes.length - 1][2];
      const centre = (first + last) / 2;
      const shift = Math.max(0, w / 2 - centre);
      const placed = [];
      let x = shift;
      slots.forEach((slot, k) => {
        placed.push([slot, x, top]);
        x += sizes[k][0] + gap;
      });
      const height = top + Math.max(...sizes.map((s) => s[1]));
      const width = Math.max(total + shift, centre + shift + w / 2);
      return { width, height, anchor: centre + shift, kind: "row", slots: placed };
    }
    const rows = wrap(sizes.map((s) => s[0]), gap, S.maxWidth - S.indent);
    const placed = [];
    const buses = [];
    let y = top;
    let widest = 0;
    for (const [start, end] of rows) {
      let x = S.indent;
      const members = [];
      let tallest = -Infinity;
      for (let index = start; index < end; index++) {
        placed.push([slots[index], x, y]);
        x += sizes[index][0] + gap;
        members.push(index);
        tallest = Math.max(tallest, sizes[index][1]);
      }
      widest = Math.max(widest, x - gap);
      buses.push([y - S.rowGap / 2, members]);
      y += tallest + S.rowGap;
    }
    return { width: Math.max(w, widest), height: y - S.rowGap, anchor: w / 2, kind: "rows", slots: placed, buses };
  }

  function layout(start, visibleKids) {
    const order = [];
    const stack = [start];
    while (stack.length) {
      const node = stack.pop();
      order.push(node);
      const reports = visibleKids(node);
      for (let k = reports.length - 1; k >= 0; k--) stack.push(reports[k]);
    }
    const blocks = {};
    for (let k = order.length - 1; k >= 0; k--) blocks[order[k]] = arrange(order[k], visibleKids, blocks);
    return place(start, order, blocks);
  }

  function place(start, order, blocks) {
    const w = S.boxWidth;
    const h = S.boxHeight;
    const indent = S.indent;
    const chain = new Set([start]);
    let link = start;
    while (blocks[link].kind === "row" && blocks[link].slots.length === 1) {
      const slot = blocks[link].slots[0][0];
      if (Array.isArray(slot)) break;
      link = slot;
      chain.add(link);
    }
    const pin = blocks[start].width > S.view ? S.view / 2 : Infinity;
    const origins = {};
    const boxes = {};
    const lines = [];
    const put = (node, x, y) => {
      let centre = x + blocks[node].anchor;
      if (chain.has(node)) centre = Math.max(Math.min(centre, pin), w / 2);
      origins[node] = [x, y];
      boxes[node] = [centre - w / 2, y];
    };
    const column = (leaves, spine, top) => {
      let y = top;
      for (const leaf of leaves) {
        boxes[leaf] = [spine + indent / 2, y];
        lines.push([[spine, y + h / 2], [spine + indent / 2, y + h / 2]]);
        y += h + S.stackGap;
      }
    };
    const middle = (node) => boxes[node][1] + h / 2;
    const join = (slot, drop, bus) => {
      const end = Array.isArray(slot) ? middle(slot[slot.length - 1]) : boxes[slot][1];
      lines.push([[drop, bus], [drop, end]]);
    };
    put(start, 0, 0);
    for (const node of order) {
      const block = blocks[node];
      if (block.kind === "leaf") continue;
      const [left, top] = origins[node];
      const [bx, by] = boxes[node];
      const centre = bx + w / 2;
      const bottom = by + h;
      if (block.kind === "under") {
        const leaves = block.slots[0][0];
        const spine = bx + indent / 2;
        column(leaves, spine, bottom + S.stackGap);
        lines.push([[spine, bottom], [spine, middle(leaves[leaves.length - 1])]]);
        continue;
      }
      const drops = [];
      for (const [slot, x, y] of block.slots) {
        if (Array.isArray(slot)) {
          drops.push(left + x + indent / 2);
          column(slot, drops[drops.length - 1], top + y);
        } else {
          put(slot, left + x, top + y);
          drops.push(boxes[slot][0] + w / 2);
        }
      }
      if (block.kind === "row") {
        const bus = top + h + S.rowGap / 2;
        lines.push([[centre, bottom], [centre, bus]]);
        if (drops.length > 1 || drops[0] !== centre) {
          lines.push([[Math.min(drops[0], centre), bus], [Math.max(drops[drops.length - 1], centre), bus]]);
        }
        block.slots.forEach(([slot], k) => join(slot, drops[k], bus));
        continue;
      }
      const spine = bx + indent / 2;
      lines.push([[spine, bottom], [spine, top + block.buses[block.buses.length - 1][0]]]);
      for (const [busY, members] of block.buses) {
        const bus = top + busY;
        lines.push([[spine, bus], [Math.max(...members.map((k) => drops[k])), bus]]);
        for (const k of members) join(block.slots[k][0], drops[k], bus);
      }
    }
    let width = 0;
    let height = 0;
    for (const [x, y] of Object.values(boxes)) {
      width = Math.max(width, x + w);
      height = Math.max(height, y + h);
    }
    return { boxes, lines, width, height };
  }

  // the curve of a dotted line (dotted_curve in csorg/export/drawing.py)
  function curve(report, manager) {
    const w = S.boxWidth;
    const h = S.boxHeight;
    const right = manager[0] + w / 2 >= report[0] + w / 2;
    const startX = report[0] + w * (right ? 0.75 : 0.25);
    const endX = manager[0] + w * (right ? 0.25 : 0.75);
    if (manager[1] + h <= report[1]) {
      const start = [startX, report[1]];
      const end = [endX, manager[1] + h];
      const bend = Math.max(20, Math.min(60, (start[1] - end[1]) / 2));
      return [start, [start[0], start[1] - bend], [end[0], end[1] + bend], end];
    }
    if (report[1] + h <= manager[1]) {
      const start = [startX, report[1] + h];
      const end = [endX, manager[1]];
      const bend = Math.max(20, Math.min(60, (end[1] - start[1]) / 2));
      return [start, [start[0], start[1] + bend], [end[0], end[1] - bend], end];
    }
    const start = [startX, report[1]];
    const end = [endX, manager[1]];
    return [start, [start[0], start[1] - 30], [end[0], end[1] - 30], end];
  }

  const n1 = (v) => (Math.round(v * 10) / 10).toString();

  // --- drawing a laid-out copy of the chart -----------------------------------------------
  function copyChart(label) {
    const svg = staticSvg.cloneNode(true);
    svg.removeAttribute("aria-labelledby");
    for (const element of svg.querySelectorAll("[id]")) element.removeAttribute("id");
    svg.setAttribute("aria-label", label);
    let dotted = svg.querySelector("g.dotted");
    if (!dotted) {
      dotted = document.createElementNS(NS, "g");
      dotted.setAttribute("class", "dotted");
      svg.querySelector("g.chart").appendChild(dotted);
    }
    return {
      svg,
      groups: Array.from(svg.querySelectorAll("g.node")),
      links: svg.querySelector("path.links"),
      dotted,
      legend: svg.querySelector("g.legend"),
      // what each box shows now, so a change touches only the boxes it changes
      moves: new Array(N).fill(""),
      off: new Array(N).fill(false),
    };
  }

  function drawChart(view, shown, visibleKids) {
    const laid = layout(root, visibleKids);
    view.groups.forEach((group, i) => {
      const box = laid.boxes[i];
      if (view.off[i] === shown[i]) {
        view.off[i] = !shown[i];
        group.classList.toggle("off", !shown[i]);
      }
      if (!shown[i] || !box) return;
      const move = `translate(${n1(box[0] - nodes[i].x)} ${n1(box[1] - nodes[i].y)})`;
      if (move !== view.moves[i]) {
        view.moves[i] = move;
        group.setAttribute("transform", move);
      }
    });
    view.links.setAttribute("d", laid.lines.map((line) => "M" + line.map(([x, y]) => `${n1(x)} ${n1(y)}`).join(" L")).join(" "));
    view.dotted.replaceChildren();
    nodes.forEach((node, i) => {
      for (const boss of node.dotted) {
        if (!laid.boxes[i] || !laid.boxes[boss]) continue;
        const [a, b, c, d] = curve(laid.boxes[i], laid.boxes[boss]);
        const path = document.createElementNS(NS, "path");
        path.setAttribute("d", `M${n1(a[0])} ${n1(a[1])} C${n1(b[0])} ${n1(b[1])} ${n1(c[0])} ${n1(c[1])} ${n1(d[0])} ${n1(d[1])}`);
        path.setAttribute("fill", "none");
        path.setAttribute("stroke", "#7c3aed");
        path.setAttribute("stroke-width", "1.5");
        path.setAttribute("stroke-dasharray", "6 4");
        const title = document.createElementNS(NS, "title");
        title.textContent = `${node.title} (${node.id}): dotted line to ${nodes[boss].title} (${nodes[boss].id})`;
        path.appendChild(title);
        view.dotted.appendChild(path);
      }
    });
    const legendTop = F.top + laid.height + F.stack + 28;
    if (view.legend) view.legend.setAttribute("transform", `translate(0 ${n1(legendTop - F.legendTop)})`);
    const width = Math.max(F.left + laid.width + F.stack + F.margin, F.legendWidth);
    const height = legendTop + F.legendHeight;
    view.svg.setAttribute("viewBox", `0 0 ${n1(width)} ${n1(height)}`);
    return { laid, width, height };
  }

  // --- the live chart ---------------------------------------------------------------------
  document.documentElement.classList.add("js");
  figure.classList.remove("fit");
  const live = copyChart("Org chart: arrows move between boxes, Space expands or collapses, Enter opens the card");
  live.svg.setAttribute("role", "group");
  liveBox.appendChild(live.svg);
  liveBox.hidden = false;
  const toolbar = document.querySelector(".toolbar");
  toolbar.hidden = false;
  const indexOf = new Map(live.groups.map((group, i) => [group, i]));
  const collapsed = new Set();
  let region = "";
  let segment = "";
  let zoom = 1;
  let size = { width: 1, height: 1 };
  let keep = null; // the boxes a filter keeps (null: all)
  let shown = new Array(N).fill(true);

  const toggles = nodes.map((node, i) => {
    if (!kids[i].length) return null;
    const group = document.createElementNS(NS, "g");
    group.setAttribute("class", "toggle");
    group.setAttribute("role", "button");
    group.setAttribute("tabindex", "0");
    const rect = document.createElementNS(NS, "rect");
    rect.setAttribute("height", "18");
    rect.setAttribute("rx", "9");
    const label = document.createElementNS(NS, "text");
    label.setAttribute("text-anchor", "middle");
    group.append(rect, label);
    live.groups[i].appendChild(group);
    return { group, rect, label };
  });

  function matchesPlace(node) {
    const pairs = node.pods.length ? node.pods : node.serves.length ? node.serves : [[node.region, node.segment]];
    return pairs.some(([r, s]) => (!region || r === region) && (!segment || s === segment));
  }

  function filterKeep() {
    if (!region && !segment) return null;
    const kept = nodes.map(matchesPlace);
    for (let i = N - 1; i >= 0; i--) if (kept[i] && nodes[i].manager >= 0) kept[nodes[i].manager] = true;
    kept[root] = true;
    return kept;
  }

  const kidsKept = (i) => (keep ? kids[i].filter((k) => keep[k]) : kids[i]);

  function render() {
    keep = filterKeep();
    shown = new Array(N).fill(false);
    for (let i = 0; i < N; i++) {
      const m = nodes[i].manager;
      shown[i] = m < 0 || (shown[m] && !collapsed.has(m) && (!keep || keep[i]));
    }
    const visibleKids = (i) => (collapsed.has(i) ? [] : kidsKept(i));
    const drawn = drawChart(live, shown, visibleKids);
    size = drawn;
    toggles.forEach((toggle, i) => {
      if (!toggle || !shown[i]) return;
      const any = kidsKept(i).length > 0;
      const open = !collapsed.has(i);
      const state = `${any} ${open}`;
      if (toggle.state === state) return;
      toggle.state = state;
      toggle.group.style.display = any ? "" : "none";
      const text = open ? "−" : `+${below[i]}`;
      const width = open ? 18 : 12 + 7 * text.length;
      const x = nodes[i].x + S.boxWidth / 2;
      const y = nodes[i].y + S.boxHeight;
      toggle.rect.setAttribute("x", n1(x - width / 2));
      toggle.rect.setAttribute("y", n1(y - 9));
      toggle.rect.setAttribute("width", n1(width));
      toggle.label.setAttribute("x", n1(x));
      toggle.label.setAttribute("y", n1(y + 4));
      toggle.label.textContent = text;
      toggle.group.setAttribute("aria-expanded", String(open));
      const what = `${kids[i].length} direct report${kids[i].length === 1 ? "" : "s"}, ${below[i]} in all`;
      toggle.group.setAttribute("aria-label", `${open ? "Collapse" : "Expand"} ${nodes[i].title} (${nodes[i].id}): ${what}`);
    });
    applyZoom();
    markMatches();
  }

  // --- zoom, scrolling, panning -----------------------------------------------------------
  function applyZoom() {
    live.svg.setAttribute("width", n1(size.width * zoom));
    live.svg.setAttribute("height", n1(size.height * zoom));
    $("zoom-level").textContent = `${Math.round(zoom * 100)}%`;
  }

  const MIN_ZOOM = 0.02; // a few thousand seats still fit the window

  function setZoom(value) {
    const next = Math.min(3, Math.max(MIN_ZOOM, value));
    const cx = (figure.scrollLeft + figure.clientWidth / 2) / zoom;
    const cy = (figure.scrollTop + figure.clientHeight / 2) / zoom;
    zoom = next;
    applyZoom();
    figure.scrollLeft = cx * zoom - figure.clientWidth / 2;
    figure.scrollTop = cy * zoom - figure.clientHeight / 2;
  }

  function fit() {
    zoom = Math.min(1, (figure.clientWidth - 4) / size.width, (figure.clientHeight - 4) / size.height);
    zoom = Math.max(MIN_ZOOM, zoom);
    applyZoom();
    figure.scrollLeft = 0;
    figure.scrollTop = 0;
  }

  function boxOf(i) {
    const box = live.groups[i].querySelector("rect:last-of-type").getBoundingClientRect();
    return box;
  }

  function scrollToNode(i) {
    const box = boxOf(i);
    const view = figure.getBoundingClientRect();
    const left = figure.scrollLeft + box.left - view.left - (figure.clientWidth - box.width) / 2;
    const top = figure.scrollTop + box.top - view.top - Math.min(80, (figure.clientHeight - box.height) / 3);
    figure.scrollLeft = Math.max(0, left);
    figure.scrollTop = Math.max(0, top);
  }

  let pan = null;
  figure.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || event.target.closest("a, .toggle")) return;
    pan = { x: event.clientX, y: event.clientY, left: figure.scrollLeft, top: figure.scrollTop };
    figure.classList.add("panning");
    figure.setPointerCapture(event.pointerId);
  });
  figure.addEventListener("pointermove", (event) => {
    if (!pan) return;
    figure.scrollLeft = pan.left - (event.clientX - pan.x);
    figure.scrollTop = pan.top - (event.clientY - pan.y);
  });
  const endPan = () => {
    pan = null;
    figure.classList.remove("panning");
  };
  figure.addEventListener("pointerup", endPan);
  figure.addEventListener("pointercancel", endPan);
  figure.addEventListener(
    "wheel",
    (event) => {
      if (!event.ctrlKey) return;
      event.preventDefault();
      setZoom(zoom * (event.deltaY < 0 ? 1.1 : 1 / 1.1));
    },
    { passive: false },
  );

  // --- expand and collapse ----------------------------------------------------------------
  function toggle(i) {
    if (collapsed.has(i)) collapsed.delete(i);
    else collapsed.add(i);
    render();
  }

  function reveal(i) {
    for (let m = nodes[i].manager; m >= 0; m = nodes[m].manager) collapsed.delete(m);
  }

  live.svg.addEventListener("click", (event) => {
    const button = event.target.closest(".toggle");
    if (button) {
      event.preventDefault();
      toggle(indexOf.get(button.closest("g.node")));
      return;
    }
    const group = event.target.closest("g.node");
    if (!group) return;
    showSeat(indexOf.get(group));
    // the card opens in the side panel; the page stays where it is, chart and heading in view
    const x = window.scrollX;
    const y = window.scrollY;
    window.addEventListener("hashchange", () => window.scrollTo(x, y), { once: true });
  });

  $("expand-all").addEventListener("click", () => {
    collapsed.clear();
    render();
  });
  $("collapse-all").addEventListener("click", () => {
    nodes.forEach((_, i) => {
      if (kids[i].length && depth[i] >= 1) collapsed.add(i);
    });
    render();
    scrollToNode(root);
  });
  $("zoom-in").addEventListener("click", () => setZoom(zoom * 1.25));
  $("zoom-out").addEventListener("click", () => setZoom(zoom / 1.25));
  $("fit").addEventListener("click", fit);
  $("home").addEventListener("click", () => {
    scrollToNode(root);
    live.groups[root].querySelector("a").focus({ preventScroll: true });
  });

  // --- keyboard ---------------------------------------------------------------------------
  function focusNode(i) {
    if (i === undefined || i < 0 || !shown[i]) return;
    const link = live.groups[i].querySelector("a");
    link.focus({ preventScroll: true });
    scrollToNode(i);
  }

  live.svg.addEventListener("keydown", (event) => {
    const group = event.target.closest("g.node");
    if (!group) return;
    const i = indexOf.get(group);
    const onToggle = event.target.closest(".toggle");
    const peers = nodes[i].manager >= 0 ? kidsKept(nodes[i].manager).filter((k) => shown[k]) : [i];
    const here = peers.indexOf(i);
    const key = event.key;
    if ((onToggle && (key === "Enter" || key === " ")) || (!onToggle && key === " ")) {
      event.preventDefault();
      if (kids[i].length) toggle(i);
      (onToggle ? toggles[i].group : live.groups[i].querySelector("a")).focus({ preventScroll: true });
    } else if (key === "ArrowUp") {
      event.preventDefault();
      focusNode(nodes[i].manager);
    } else if (key === "ArrowDown") {
      event.preventDefault();
      if (collapsed.has(i)) toggle(i);
      focusNode(kidsKept(i).find((k) => shown[k]));
    } else if (key === "ArrowLeft" || key === "ArrowRight") {
      event.preventDefault();
      focusNode(peers[here + (key === "ArrowLeft" ? -1 : 1)]);
    } else if (key === "Home") {
      event.preventDefault();
      focusNode(root);
    }
  });

  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest && event.target.closest("input, select, textarea");
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/") {
      event.preventDefault();
      $("search").focus();
    } else if (event.key === "+" || event.key === "=") {
      setZoom(zoom * 1.25);
    } else if (event.key === "-") {
      setZoom(zoom / 1.25);
    } else if (event.key === "0") {
      fit();
    } else if (event.key === "Escape" && location.hash) {
      location.hash = "#top";
    }
  });

  // --- search -----------------------------------------------------------------------------
  let matches = [];
  let current = -1;

  let marked = [];

  function markMatches() {
    for (const i of marked) live.groups[i].classList.remove("match", "current", "holds-match");
    marked = [];
    const mark = (i, name) => {
      live.groups[i].classList.add(name);
      marked.push(i);
    };
    for (const i of matches) {
      if (shown[i]) {
        mark(i, "match");
        continue;
      }
      let m = nodes[i].manager;
      while (m >= 0 && !shown[m]) m = nodes[m].manager;
      if (m >= 0) mark(m, "holds-match");
    }
    if (current >= 0 && matches.length) mark(matches[current], "current");
    const query = $("search").value.trim();
    $("search-status").textContent = matches.length
      ? `${current + 1} of ${matches.length}`
      : query
        ? "no match"
        : "";
  }

  function go(step, focus) {
    if (!matches.length) return;
    current = (current + step + matches.length) % matches.length;
    const i = matches[current];
    reveal(i);
    render();
    scrollToNode(i);
    if (focus) live.groups[i].querySelector("a").focus({ preventScroll: true });
  }

  function search() {
    const query = fold($("search").value.trim());
    const pool = filterKeep();
    matches = query ? haystack.flatMap((text, i) => (text.includes(query) && (!pool || pool[i]) ? [i] : [])) : [];
    current = -1;
    if (matches.length) go(1, false);
    else markMatches();
  }

  $("search").addEventListener("input", search);
  $("search").addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      go(event.shiftKey ? -1 : 1, false);
    } else if (event.key === "Escape") {
      $("search").value = "";
      search();
    }
  });
  $("next").addEventListener("click", () => go(1, true));
  $("previous").addEventListener("click", () => go(-1, true));

  // --- filters ----------------------------------------------------------------------------
  for (const name of ["region", "segment"]) {
    const select = $(name);
    if (!select) continue;
    select.addEventListener("change", () => {
      if (name === "region") region = select.value;
      else segment = select.value;
      render();
      search();
      scrollToNode(root);
    });
  }

  // --- the card of a seat -----------------------------------------------------------------
  function showSeat(i) {
    for (const note of document.querySelectorAll(".card .seat")) note.hidden = true;
    if (!data.seats) return;
    const node = nodes[i];
    const card = document.getElementById(`card-${node.role}`);
    if (!card) return;
    const parts = [`Seat ${node.id}`];
    if (node.region || node.segment) parts.push([node.region, node.segment].filter(Boolean).join(" / "));
    if (node.manager >= 0) parts.push(`reports to ${nodes[node.manager].title} (${nodes[node.manager].id})`);
    for (const boss of node.dotted) parts.push(`dotted line to ${nodes[boss].title} (${nodes[boss].id})`);
    const note = card.querySelector(".seat");
    note.textContent = parts.join(" · ");
    note.hidden = false;
  }

  // --- printing: the whole chart (the static one), or one page per region ------------------
  function buildRegionPages() {
    if (printBox.childElementCount) return;
    const select = $("region");
    const values = select ? Array.from(select.options).map((o) => o.value).filter(Boolean) : [];
    for (const value of values) {
      const view = copyChart(`Org chart, region ${value}`);
      const kept = nodes.map((n) => n.region === value || n.serves.some(([r]) => r === value));
      for (let i = N - 1; i >= 0; i--) if (kept[i] && nodes[i].manager >= 0) kept[nodes[i].manager] = true;
      const drawn = drawChart(view, kept, (i) => kids[i].filter((k) => kept[k]));
      view.svg.setAttribute("width", n1(drawn.width));
      view.svg.setAttribute("height", n1(drawn.height));
      const page = document.createElement("section");
      page.className = "print-page";
      const heading = document.createElement("h2");
      heading.textContent = `${document.querySelector("h1").textContent}: region ${value}`;
      page.append(heading, view.svg);
      printBox.appendChild(page);
    }
  }

  $("print-mode").addEventListener("change", (event) => {
    document.body.dataset.print = event.target.value;
    if (event.target.value === "regions") buildRegionPages();
  });
  window.addEventListener("beforeprint", () => {
    if (document.body.dataset.print === "regions") buildRegionPages();
  });
  $("print").addEventListener("click", () => window.print());

  // --- open: big orgs collapsed below a sensible depth, the top in view ---------------------
  nodes.forEach((_, i) => {
    if (kids[i].length && depth[i] >= data.openDepth) collapsed.add(i);
  });
  render();
  scrollToNode(root);
})();
