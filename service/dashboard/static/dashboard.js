/* stance-tracker dashboard: plain JS + SVG over the public JSON API. */
"use strict";

const API = new URL("api/v1/", document.baseURI);
const KEY_STORAGE = "stance-tracker-api-key";
const SVG_NS = "http://www.w3.org/2000/svg";
const LANES = ["support", "neutral", "oppose"];
const SERIES_COLOURS = ["#1f77b4", "#ff7f0e"];
const state = { issue: null, actors: [], a: null, b: null, interval: "month", positions: [] };

/* ---------- small helpers ---------- */

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function s(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function setAttrs(node, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
}

function day(iso) { return iso ? iso.slice(0, 10) : "?"; }

function status(text, isError = false) {
  const node = document.getElementById("status");
  node.textContent = text;
  node.classList.toggle("error", isError);
}

async function api(path, params = {}) {
  const url = new URL(path, API);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const headers = { Accept: "application/json" };
  const key = localStorage.getItem(KEY_STORAGE);
  if (key) headers["X-API-Key"] = key;
  const response = await fetch(url, { headers });
  if (response.status === 401) {
    document.getElementById("key-form").hidden = false;
    throw new Error("This server wants an API key for reading.");
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || `${response.status} ${response.statusText}`);
  }
  return response.json();
}

/* ---------- state in the URL hash: #issue=1&actors=2,3&a=2&b=3&interval=month ---------- */

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  state.issue = Number(params.get("issue")) || null;
  state.actors = (params.get("actors") || "").split(",").map(Number).filter(Boolean);
  state.a = Number(params.get("a")) || null;
  state.b = Number(params.get("b")) || null;
  state.interval = params.get("interval") || "month";
}

function writeHash() {
  const params = new URLSearchParams();
  if (state.issue) params.set("issue", state.issue);
  if (state.actors.length) params.set("actors", state.actors.join(","));
  if (state.a) params.set("a", state.a);
  if (state.b) params.set("b", state.b);
  params.set("interval", state.interval);
  history.replaceState(null, "", "#" + params.toString());
}

/* ---------- evidence panel ---------- */

function articleLink(article) {
  const title = article.title || `article ${article.id}`;
  const href = article.url || new URL(`articles/${article.id}`, API).href;
  return h("a", { href, target: "_blank", rel: "noopener", class: "article-link" }, title);
}

function recordView(record) {
  const sentences = record.evidence.map((e) => {
    const tag = e.is_quote ? "blockquote" : "p";
    const reporter = e.reporter ? h("span", { class: "meta" }, ` (reported by ${e.reporter.name})`) : null;
    return h(tag, { class: "sentence", "data-evidence-id": e.id }, e.text, reporter);
  });
  const review = record.review
    ? h("div", { class: "meta" }, `reviewed by ${record.review.reviewer}; model said ${record.model_label}`)
    : null;
  return h(
    "div",
    { class: "record", "data-record-id": record.id },
    h("div", {},
      h("strong", {}, record.actor.name), " ",
      h("span", { class: `label ${record.label}` }, record.label), " ",
      h("span", { class: "meta" }, `${day(record.observed_at)} · ${record.issue.name}`)),
    ...sentences,
    h("div", {}, articleLink(record.article), record.article.source ? h("span", { class: "meta" }, ` · ${record.article.source}`) : null),
    h("div", { class: "meta" }, `${record.model.name} ${record.model.version} · confidence ${record.confidence.toFixed(2)}`),
    review,
  );
}

function showRecords(records, heading) {
  const body = document.getElementById("evidence-body");
  body.replaceChildren(heading ? h("p", { class: "hint" }, heading) : "", ...records.map(recordView));
}

/* ---------- matrix of actors by latest stance ---------- */

function renderMatrix() {
  const rows = state.positions.map(({ actor, stance }) => {
    const checkbox = h("input", {
      type: "checkbox",
      "aria-label": `timeline of ${actor.name}`,
      onchange: (event) => {
        state.actors = event.target.checked
          ? [...state.actors, actor.id]
          : state.actors.filter((id) => id !== actor.id);
        writeHash();
        renderTimelines();
      },
    });
    checkbox.checked = state.actors.includes(actor.id);
    const cells = LANES.map((label) =>
      h("td", { class: "cell" },
        stance.label === label
          ? h("button", { type: "button", class: label, title: stance.evidence.map((e) => e.text).join("\n"),
              onclick: () => showRecords([stance]) }, `${label} ${stance.confidence.toFixed(2)}`)
          : ""));
    return h("tr", { "data-actor-id": actor.id }, h("td", {}, checkbox), h("td", { class: "actor" }, actor.name),
      ...cells, h("td", { class: "meta" }, day(stance.observed_at)));
  });
  const head = h("tr", {}, h("th", {}, ""), h("th", {}, "actor"), ...LANES.map((l) => h("th", {}, l)), h("th", {}, "as of"));
  const table = rows.length
    ? h("table", { class: "matrix" }, h("thead", {}, head), h("tbody", {}, ...rows))
    : h("p", { class: "hint" }, "No stances on this issue yet.");
  document.getElementById("matrix").replaceChildren(table);
}

/* ---------- timelines ---------- */

function timeScale(times, x0, x1) {
  let lo = Math.min(...times);
  let hi = Math.max(...times);
  if (hi - lo < 864e5) { lo -= 15 * 864e5; hi += 15 * 864e5; }
  const scale = (t) => x0 + ((t - lo) / (hi - lo)) * (x1 - x0);
  scale.ticks = Array.from({ length: 5 }, (_, i) => lo + ((hi - lo) * i) / 4);
  return scale;
}

function timelineSvg(records, x, actor) {
  const width = 720, laneY = { support: 22, neutral: 52, oppose: 82 };
  const points = [...records].sort((p, q) => p.observed_at.localeCompare(q.observed_at) || p.id - q.id);
  const svg = s("svg", { viewBox: `0 0 ${width} 120`, class: "timeline-svg", role: "img",
    "aria-label": `${actor.name}: stance over time` });
  for (const label of LANES) {
    svg.append(s("line", { x1: 70, x2: width - 10, y1: laneY[label], y2: laneY[label], stroke: "#eee" }));
    svg.append(s("text", { x: 4, y: laneY[label] + 4 }, label));
  }
  x.ticks.forEach((tick, i) => {
    const anchor = i === 0 ? "start" : i === x.ticks.length - 1 ? "end" : "middle";
    svg.append(s("text", { x: x(tick), y: 112, "text-anchor": anchor }, new Date(tick).toISOString().slice(0, 10)));
  });
  const path = points.map((r, i) => `${i ? "L" : "M"}${x(Date.parse(r.observed_at)).toFixed(1)},${laneY[r.label]}`).join(" ");
  if (points.length > 1) svg.append(s("path", { d: path, fill: "none", stroke: "#bbb", "stroke-width": 1.5 }));
  for (const record of points) {
    const circle = s("circle", {
      class: `point ${record.label}`, r: 7, tabindex: 0,
      cx: x(Date.parse(record.observed_at)).toFixed(1), cy: laneY[record.label],
      fill: `var(--${record.label})`, "data-record-id": record.id, "data-label": record.label,
      onclick: (event) => selectPoint(event.target, record),
      onkeydown: (event) => { if (event.key === "Enter") selectPoint(event.target, record); },
    }, s("title", {}, `${day(record.observed_at)} · ${record.label}\n${record.evidence.map((e) => e.text).join("\n")}`));
    svg.append(circle);
  }
  return svg;
}

function selectPoint(node, record) {
  document.querySelectorAll(".point.selected").forEach((p) => p.classList.remove("selected"));
  node.classList.add("selected");
  showRecords([record]);
}

async function renderTimelines() {
  const box = document.getElementById("timelines");
  if (!state.actors.length) {
    box.replaceChildren(h("p", { class: "hint" }, "Tick actors in the matrix."));
    return;
  }
  const series = await Promise.all(state.actors.map(async (id) => {
    const [actor, page] = await Promise.all([
      api(`actors/${id}`), api("stances", { actor: id, issue: state.issue, limit: 500 }),
    ]);
    return { actor, records: page.items };
  }));
  const times = series.flatMap((one) => one.records.map((r) => Date.parse(r.observed_at)));
  const x = times.length ? timeScale(times, 80, 700) : null;
  box.replaceChildren(...series.map(({ actor, records }) =>
    h("div", { class: "timeline", "data-actor-id": actor.id },
      h("h3", {}, `${actor.name} (${records.length} records)`),
      records.length ? timelineSvg(records, x, actor) : h("p", { class: "hint" }, "No records on this issue."))));
}

/* ---------- two actors compared ---------- */

function fillActorSelects() {
  const actors = state.positions.map((p) => p.actor);
  if (!state.a && actors[0]) state.a = actors[0].id;
  if (!state.b && actors[1]) state.b = actors[1].id;
  for (const [id, chosen] of [["actor-a", state.a], ["actor-b", state.b]]) {
    const select = document.getElementById(id);
    select.replaceChildren(...actors.map((a) => h("option", { value: a.id }, a.name)));
    if (chosen) select.value = String(chosen);
  }
  document.getElementById("interval").value = state.interval;
}

async function renderCompare() {
  const box = document.getElementById("compare");
  if (!state.a || !state.b || state.a === state.b) {
    box.replaceChildren(h("p", { class: "hint" }, "Choose two different actors."));
    return;
  }
  const body = await api("compare", { actors: `${state.a},${state.b}`, issue: state.issue, interval: state.interval });
  const width = 900, top = 25, mid = 85, bottom = 145, periods = body.periods;
  const svg = s("svg", { viewBox: `0 0 ${width} 210`, class: "compare-svg", role: "img", "aria-label": "comparison" });
  const y = (net) => mid - net * (mid - top);
  svg.append(s("line", { x1: 60, x2: width - 10, y1: mid, y2: mid, stroke: "#eee" }));
  for (const [label, net] of [["support", 1], ["neutral", 0], ["oppose", -1]]) svg.append(s("text", { x: 4, y: y(net) + 4 }, label));
  svg.append(s("text", { x: 4, y: bottom + 40 }, "agreement"));
  const step = periods.length ? (width - 80) / periods.length : 0;
  const cx = (i) => 70 + step * (i + 0.5);
  periods.forEach((period, i) => {
    const agreement = period.agreement;
    if (agreement !== null) {
      svg.append(s("rect", { class: "agreement-bar", x: cx(i) - step * 0.3, width: step * 0.6, y: bottom + 45 - agreement * 40,
        height: agreement * 40, fill: "#90a4ae" }, s("title", {}, `${period.start}: agreement ${agreement.toFixed(2)}`)));
      svg.append(s("text", { x: cx(i), y: bottom + 45 - agreement * 40 - 3, "text-anchor": "middle" }, agreement.toFixed(2)));
    }
    svg.append(s("text", { x: cx(i), y: bottom + 60, "text-anchor": "middle" }, period.start));
  });
  body.actors.forEach((actor, k) => {
    const values = periods.map((p, i) => [i, p.values[k]]).filter(([, v]) => v.net !== null);
    const d = values.map(([i, v], j) => `${j ? "L" : "M"}${cx(i).toFixed(1)},${y(v.net).toFixed(1)}`).join(" ");
    if (values.length > 1) svg.append(s("path", { d, fill: "none", stroke: SERIES_COLOURS[k], "stroke-width": 2 }));
    for (const [i, v] of values) {
      svg.append(s("circle", { class: "compare-point", r: 5, cx: cx(i), cy: y(v.net), fill: SERIES_COLOURS[k] },
        s("title", {}, `${actor.name} ${periods[i].start}: net ${v.net.toFixed(2)} (${v.n} records)`)));
    }
    svg.append(s("text", { x: 70 + k * 220, y: 12, style: `fill: ${SERIES_COLOURS[k]}; font-weight: 600` }, `● ${actor.name}`));
  });
  box.replaceChildren(periods.length ? svg : h("p", { class: "hint" }, "Neither actor has records on this issue."));
}

/* ---------- agreement network ---------- */

async function renderNetwork() {
  const body = await api("network", { issues: state.issue });
  const box = document.getElementById("network");
  if (!body.nodes.length) {
    box.replaceChildren(h("p", { class: "hint" }, "No actors took a side yet."));
    return;
  }
  const size = 520, centre = size / 2, radius = size / 2 - 90;
  const place = new Map(body.nodes.map((node, i) => {
    const angle = (2 * Math.PI * i) / body.nodes.length - Math.PI / 2;
    return [node.id, { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle), node }];
  }));
  const svg = s("svg", { viewBox: `0 0 ${size + 200} ${size}`, class: "network-svg", role: "img", "aria-label": "agreement network" });
  for (const edge of body.edges) {
    const a = place.get(edge.source), b = place.get(edge.target);
    const bend = edge.kind === "agreement" ? 0.12 : -0.12;
    const mx = (a.x + b.x) / 2 + (b.y - a.y) * bend, my = (a.y + b.y) / 2 - (b.x - a.x) * bend;
    svg.append(s("path", {
      class: `tie ${edge.kind}`, d: `M${a.x},${a.y} Q${mx},${my} ${b.x},${b.y}`,
      stroke: edge.kind === "agreement" ? "var(--support)" : "var(--oppose)",
      "stroke-width": 1.5 + 2 * Math.log2(edge.weight + 1),
      onclick: () => showTie(edge, a.node, b.node),
    }, s("title", {}, `${a.node.name} – ${b.node.name}: ${edge.kind}, weight ${edge.weight}, ${edge.evidence_ids.length} evidence`)));
  }
  for (const { x, y, node } of place.values()) {
    const total = node.counts.support + node.counts.oppose + node.counts.neutral;
    const lead = LANES.reduce((best, l) => (node.counts[l] > node.counts[best] ? l : best), "neutral");
    svg.append(s("circle", { class: "node", cx: x, cy: y, r: 5 + 2 * Math.sqrt(total), fill: `var(--${lead})`, "data-actor-id": node.id },
      s("title", {}, `${node.name}: ${node.counts.support} support, ${node.counts.oppose} oppose, ${node.counts.neutral} neutral`)));
    svg.append(s("text", { x: x + (x >= centre ? 12 : -12), y: y + 4, "text-anchor": x >= centre ? "start" : "end" }, node.name));
  }
  box.replaceChildren(svg);
}

async function showTie(edge, a, b) {
  const ids = edge.record_ids.slice(0, 8);
  const records = await Promise.all(ids.map((id) => api(`stances/${id}`)));
  const more = edge.record_ids.length > ids.length ? ` (first ${ids.length} of ${edge.record_ids.length})` : "";
  showRecords(records, `${a.name} – ${b.name}: ${edge.kind}, weight ${edge.weight}${more}`);
}

/* ---------- wiring ---------- */

async function showIssue() {
  if (!state.issue) return;
  status("Loading…");
  try {
    const body = await api(`issues/${state.issue}/positions`);
    state.positions = body.positions;
    if (!state.actors.length) state.actors = body.positions.slice(0, 2).map((p) => p.actor.id);
    writeHash();
    renderMatrix();
    fillActorSelects();
    await Promise.all([renderTimelines(), renderCompare(), renderNetwork()]);
    status(`${body.positions.length} actors on “${body.issue.name}”`);
    document.body.dataset.ready = "true";
  } catch (error) {
    status(error.message, true);
  }
}

async function start() {
  readHash();
  const select = document.getElementById("issue");
  try {
    const issues = [];
    let page = await api("issues");
    issues.push(...page.items);
    while (page.next_cursor) {
      page = await api("issues", { cursor: page.next_cursor });
      issues.push(...page.items);
    }
    select.replaceChildren(...issues.map((i) => h("option", { value: i.id }, i.name)));
    if (!issues.length) { status("No issues yet: add some through the API."); return; }
    if (!state.issue || !issues.some((i) => i.id === state.issue)) state.issue = issues[0].id;
    select.value = String(state.issue);
  } catch (error) {
    status(error.message, true);
    return;
  }
  select.addEventListener("change", () => {
    state.issue = Number(select.value);
    state.actors = []; state.a = null; state.b = null;
    showIssue();
  });
  document.getElementById("refresh").addEventListener("click", showIssue);
  for (const [id, field] of [["actor-a", "a"], ["actor-b", "b"], ["interval", "interval"]]) {
    document.getElementById(id).addEventListener("change", (event) => {
      state[field] = field === "interval" ? event.target.value : Number(event.target.value);
      writeHash();
      renderCompare().catch((error) => status(error.message, true));
    });
  }
  document.getElementById("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    localStorage.setItem(KEY_STORAGE, document.getElementById("key").value);
    location.reload();
  });
  await showIssue();
}

start();
