// pyhelp viewer: search as you type, and the keyboard path ("/" focuses search, arrows choose, Enter opens).
// No framework and no inline script (the page's CSP forbids it); results are built with textContent only.
(() => {
  "use strict";
  const input = document.getElementById("q");
  const list = document.getElementById("live");
  if (!input || !list) return;

  let selected = -1;
  let timer = 0;
  let pending = null;
  let lastQuery = "";

  const topicUrl = (key) => "/topic/" + encodeURIComponent(key);

  function items() { return Array.from(list.querySelectorAll("li")); }

  function select(i) {
    const all = items();
    if (all.length === 0) { selected = -1; return; }
    selected = (i + all.length) % all.length;
    all.forEach((li, n) => li.setAttribute("aria-selected", n === selected ? "true" : "false"));
    all[selected].scrollIntoView({ block: "nearest" });
    input.setAttribute("aria-activedescendant", all[selected].id);
  }

  function hide() {
    list.hidden = true;
    selected = -1;
    input.removeAttribute("aria-activedescendant");
  }

  // The snippet with its highlighted ranges in <mark>, offsets in UTF-16 units as the API gives them.
  function snippet(text, ranges) {
    const span = document.createElement("span");
    span.className = "snippet";
    let at = 0;
    for (const r of ranges || []) {
      if (r.start < at || r.start + r.length > text.length) continue;
      span.append(text.slice(at, r.start));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(r.start, r.start + r.length);
      span.append(mark);
      at = r.start + r.length;
    }
    span.append(text.slice(at));
    return span;
  }

  function show(results) {
    list.replaceChildren();
    results.forEach((r, n) => {
      const li = document.createElement("li");
      li.id = "live-" + n;
      li.setAttribute("role", "option");
      li.dataset.href = topicUrl(r.key);
      const a = document.createElement("a");
      a.href = li.dataset.href;
      a.className = "key";
      a.textContent = r.key;
      const kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = " " + r.kind;
      li.append(a, kind, snippet(r.snippet || r.summary || "", r.highlights));
      li.addEventListener("mousedown", (e) => { e.preventDefault(); location.href = li.dataset.href; });
      list.append(li);
    });
    list.hidden = results.length === 0;
    selected = -1;
  }

  async function search(q) {
    if (pending) pending.abort();
    pending = new AbortController();
    try {
      const response = await fetch("/api/search?limit=12&q=" + encodeURIComponent(q), { signal: pending.signal });
      if (!response.ok) { hide(); return; }
      const body = await response.json();
      if (input.value.trim() === q) show(body.results);
    } catch (e) {
      if (e.name !== "AbortError") hide();
    }
  }

  input.addEventListener("input", () => {
    const q = input.value.trim();
    clearTimeout(timer);
    if (q === lastQuery) return;
    lastQuery = q;
    if (q.length === 0) { hide(); return; }
    timer = setTimeout(() => search(q), 80);
  });

  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") { e.preventDefault(); if (!list.hidden) select(selected + 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); if (!list.hidden) select(selected - 1); }
    else if (e.key === "Escape") { hide(); }
    else if (e.key === "Enter" && selected >= 0 && !list.hidden) {
      e.preventDefault();
      location.href = items()[selected].dataset.href;
    }
  });

  input.addEventListener("blur", () => setTimeout(hide, 150));
  input.addEventListener("focus", () => { if (list.childElementCount > 0 && input.value.trim() === lastQuery) list.hidden = false; });

  document.addEventListener("keydown", (e) => {
    const t = e.target;
    const typing = t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });
})();
