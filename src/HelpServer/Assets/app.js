// pyhelp viewer: search as you type, the sidebar, the keyboard, the theme and copy buttons.
// No framework and no inline script (the page's CSP forbids it); text from the API is set with textContent only.
(() => {
  "use strict";
  const $ = (selector, root = document) => root.querySelector(selector);
  const typingIn = (t) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

  // --- Search as you type: suggestions are links, so Ctrl-click, middle-click and the context menu work.
  const input = $("#q");
  const list = $("#live");
  let selected = -1;
  let timer = 0;
  let pending = null;
  let shownFor = null;
  let lastQuery = "";

  const options = () => Array.from(list.querySelectorAll("li"));

  function select(i) {
    const all = options();
    if (all.length === 0) { selected = -1; return; }
    selected = (i + all.length) % all.length;
    all.forEach((li, n) => li.setAttribute("aria-selected", n === selected ? "true" : "false"));
    all[selected].scrollIntoView({ block: "nearest" });
    input.setAttribute("aria-activedescendant", all[selected].id);
  }

  function hide() {
    list.hidden = true;
    selected = -1;
    input.setAttribute("aria-expanded", "false");
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

  function show(q, results) {
    list.replaceChildren();
    results.forEach((r, n) => {
      const li = document.createElement("li");
      li.id = "live-" + n;
      li.setAttribute("role", "option");
      const a = document.createElement("a");
      a.href = r.address;
      a.tabIndex = -1;
      const title = document.createElement("span");
      title.className = "title";
      title.textContent = r.title || r.key;
      const meta = document.createElement("span");
      meta.className = "kind";
      meta.textContent = " " + r.kind + (r.title && r.title !== r.key ? " · " + r.key : "") + " · " + r.docset;
      a.append(title, meta, snippet(r.snippet || r.summary || "", r.snippet ? r.highlights : []));
      li.append(a);
      list.append(li);
    });
    shownFor = q;
    list.hidden = results.length === 0;
    input.setAttribute("aria-expanded", list.hidden ? "false" : "true");
    selected = -1;
  }

  async function search(q) {
    if (pending) pending.abort();
    pending = new AbortController();
    try {
      const response = await fetch("/api/search?limit=12&q=" + encodeURIComponent(q), { signal: pending.signal });
      if (!response.ok) { hide(); return null; }
      const body = await response.json();
      // The topic of that doc set and kind, which the viewer sends on to its own address.
      for (const r of body.results) {
        r.address = "/topic/" + encodeURIComponent(r.key) + "?docset=" + encodeURIComponent(r.docset) + "&kind=" + encodeURIComponent(r.kind);
      }
      if (input.value.trim() === q) show(q, body.results);
      return body.results;
    } catch (e) {
      if (e.name !== "AbortError") hide();
      return null;
    }
  }

  if (input && list) {
    // Keeps the focus in the box while a suggestion is pressed; the click itself is the link's own.
    list.addEventListener("mousedown", (e) => { if (e.button === 0) e.preventDefault(); });

    input.addEventListener("input", () => {
      const q = input.value.trim();
      clearTimeout(timer);
      if (q === lastQuery) return;
      lastQuery = q;
      if (q.length === 0) { hide(); return; }
      timer = setTimeout(() => search(q), 80);
    });

    input.addEventListener("keydown", async (e) => {
      if (e.key === "ArrowDown") { e.preventDefault(); if (!list.hidden) select(selected + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); if (!list.hidden) select(selected - 1); }
      else if (e.key === "Escape") { e.preventDefault(); hide(); input.blur(); }
      else if (e.key === "Enter" && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        const q = input.value.trim();
        if (q.length === 0) return;
        e.preventDefault();
        if (selected >= 0 && !list.hidden) { location.href = options()[selected].querySelector("a").href; return; }
        // Enter without choosing: the best hit, once the suggestions for what is typed are in.
        clearTimeout(timer);
        const results = shownFor === q && !list.hidden ? null : await search(q);
        const first = list.hidden ? null : list.querySelector("a");
        if (first && shownFor === q) location.href = first.href;
        else if (results !== null || shownFor === q) input.form.submit();
      }
    });

    input.addEventListener("blur", () => setTimeout(hide, 150));
    input.addEventListener("focus", () => {
      if (list.childElementCount > 0 && input.value.trim() === shownFor) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
    });
  }

  // --- The doc set switcher: its home page.
  const docset = $("#docset");
  if (docset) {
    docset.addEventListener("change", () => {
      location.href = docset.value ? "/docs/" + encodeURIComponent(docset.value) + "/" : "/";
    });
  }

  // --- The sidebar: fetched once per index generation, the current topic marked and in view, a filter.
  const sidebar = $("#sidebar");
  const main = $("#main");
  const filter = $("#filter");
  async function loadSidebar() {
    const slot = $(".tree-slot", sidebar);
    const response = await fetch(sidebar.dataset.src);
    if (!response.ok) return;
    slot.innerHTML = await response.text();
    markCurrent();
  }
  function markCurrent() {
    const here = [main.dataset.address, main.dataset.page].filter(Boolean);
    for (const address of here) {
      const a = Array.from(sidebar.querySelectorAll(".tree a")).find((x) => x.getAttribute("href") === address);
      if (!a) continue;
      a.setAttribute("aria-current", "page");
      for (let d = a.closest("details"); d; d = d.parentElement.closest("details")) d.open = true;
      // Into view inside the sidebar only: the page itself stays where the reader is.
      const top = a.getBoundingClientRect().top - sidebar.getBoundingClientRect().top;
      sidebar.scrollTop += top - sidebar.clientHeight / 3;
      return;
    }
  }
  function narrow(text) {
    const q = text.trim().toLowerCase();
    const tree = $(".tree", sidebar);
    if (!tree) return;
    const items = tree.querySelectorAll("li");
    if (q.length === 0) {
      tree.classList.remove("filtered");
      items.forEach((li) => { li.hidden = false; });
      return;
    }
    tree.classList.add("filtered");
    items.forEach((li) => { li.hidden = true; });
    tree.querySelectorAll("a").forEach((a) => {
      if (!a.textContent.toLowerCase().includes(q)) return;
      for (let li = a.closest("li"); li; li = li.parentElement.closest("li")) {
        li.hidden = false;
        const d = li.querySelector(":scope > details");
        if (d && d !== a.closest("details")) d.open = true;
        const up = li.parentElement.closest("details");
        if (up) up.open = true;
      }
    });
  }
  if (sidebar && main) {
    loadSidebar();
    let filterTimer = 0;
    filter.addEventListener("input", () => { clearTimeout(filterTimer); filterTimer = setTimeout(() => narrow(filter.value), 60); });
    filter.addEventListener("keydown", (e) => { if (e.key === "Escape") { filter.value = ""; narrow(""); filter.blur(); } });
    const toggle = $(".nav-toggle");
    toggle.addEventListener("click", () => {
      const open = document.body.classList.toggle("nav-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // --- Theme: system, light, dark, kept in this browser.
  const themeButton = $(".theme");
  const themes = ["system", "light", "dark"];
  function applyTheme(theme) {
    if (theme === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    try { if (theme === "system") localStorage.removeItem("pyhelp-theme"); else localStorage.setItem("pyhelp-theme", theme); } catch (e) { /* kept for this page only */ }
    themeButton.title = themeButton.ariaLabel = "Theme: " + theme;
  }
  function nextTheme() {
    const now = document.documentElement.dataset.theme || "system";
    applyTheme(themes[(themes.indexOf(now) + 1) % themes.length]);
  }
  if (themeButton) {
    themeButton.title = themeButton.ariaLabel = "Theme: " + (document.documentElement.dataset.theme || "system");
    themeButton.addEventListener("click", nextTheme);
  }

  // --- Shortcuts.
  const panel = $("#shortcuts");
  const keysButton = $(".keys");
  if (keysButton && panel) keysButton.addEventListener("click", () => panel.showModal());
  document.addEventListener("keydown", (e) => {
    if (typingIn(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "/" && input) { e.preventDefault(); input.focus(); input.select(); }
    else if (e.key === "?" && panel) { e.preventDefault(); if (panel.open) panel.close(); else panel.showModal(); }
    else if (e.key === "f" && filter) { e.preventDefault(); document.body.classList.add("nav-open"); filter.focus(); }
    else if (e.key === "t" && themeButton) { e.preventDefault(); nextTheme(); }
  });

  // --- Copy buttons on code: a doctest copies its code without the prompts and the output.
  document.querySelectorAll(".doc div[class^='highlight'] > pre").forEach((pre) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    button.addEventListener("click", async () => {
      const clone = pre.cloneNode(true);
      const prompts = clone.querySelectorAll(".gp, .go");
      const text = prompts.length > 0
        ? (prompts.forEach((p) => p.remove()), clone.textContent.split("\n").filter((l) => l.trim().length > 0).join("\n"))
        : pre.textContent;
      try { await navigator.clipboard.writeText(text); button.textContent = "Copied"; }
      catch (e) { button.textContent = "Press Ctrl+C"; const r = document.createRange(); r.selectNodeContents(pre); getSelection().removeAllRanges(); getSelection().addRange(r); }
      setTimeout(() => { button.textContent = "Copy"; }, 1500);
    });
    pre.parentElement.classList.add("has-copy");
    pre.parentElement.prepend(button);
  });
})();
