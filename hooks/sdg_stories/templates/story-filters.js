// The overview's filters (templates/story-filters.html), answered by Pagefind over every published story,
// not only the stories of this page of the list.
//
// Progressive enhancement: the form is rendered hidden and shown only once Pagefind has loaded, so
// without JavaScript, or where Pagefind cannot load (file://), the paginated list stays as it is.
// Semantics, as the form's own text says: a story matches when it serves ANY of the chosen goals and
// ALL of the other choices (target, adviser, year).
// State lives in the URL, in the form's own GET encoding (?goal=11&goal=6&year=2024): links from goal
// and adviser pages and newsletters open filtered, back and forward restore each step.
// Markup stays in the template: cards, badges and adviser lines are cloned from <template> elements.
// Material's navigation.instant is off (mkdocs.yml): every page is a full load that runs this module.

// The width below which the filters start folded: the CSS's phone and tablet breakpoint (sdg-stories.css).
const NARROW = "(max-width: 44.984375em)";

const form = document.querySelector("form.sdg-filters");
if (form) {
  start(form).catch((error) => {
    // The form stays hidden and the server-rendered list stays in place: nothing is lost.
    console.warn("sdg-stories: filters unavailable", error);
  });
}

async function start(form) {
  const pagefind = await import(new URL(form.dataset.pagefind, document.baseURI).href);
  await pagefind.init();
  // Loads the engine and the filter index now, so the form is shown only once Pagefind can answer it.
  await pagefind.filters();
  const view = new FilterView(form, pagefind);
  form.addEventListener("change", () => view.choose(readForm(form)));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    view.choose(readForm(form));
  });
  form.addEventListener("reset", (event) => {
    // The native reset would restore the values the page loaded with, which may come from the URL.
    event.preventDefault();
    writeForm(form, emptyState());
    view.choose(emptyState());
  });
  window.addEventListener("popstate", () => {
    const state = readURL(form);
    writeForm(form, state);
    view.show(state);
  });
  const state = readURL(form);
  writeForm(form, state);
  // The address shows what is shown: values the form does not offer are dropped, goals put in order.
  if (urlFor(state) !== location.pathname + location.search) history.replaceState(null, "", urlFor(state));
  // On a phone the open form would push the count and the stories a screen and a half down: folded there,
  // behind a button that says how many filters are active. At desktop width it stays open.
  const box = form.querySelector(".sdg-filters__box");
  if (box && window.matchMedia(NARROW).matches) box.open = false;
  form.hidden = false;
  await view.show(state);
}

class FilterView {
  constructor(form, pagefind) {
    this.form = form;
    this.pagefind = pagefind;
    this.pageSize = Number(form.dataset.pageSize) || 24;
    this.list = document.querySelector(".sdg-story-list");
    this.results = document.querySelector(".sdg-filter-results");
    this.cards = this.results.querySelector(".sdg-cards");
    this.more = this.results.querySelector(".sdg-filter-results__more button");
    this.count = form.querySelector(".sdg-filters__count");
    this.label = form.querySelector(".sdg-filters__label");
    this.card = document.getElementById("sdg-filter-card").content.firstElementChild;
    this.parts = document.getElementById("sdg-filter-parts").content;
    this.root = new URL(form.dataset.root, document.baseURI);
    this.matches = [];
    this.shown = 0;
    this.latest = 0;
    this.more.addEventListener("click", () => this.showMore());
  }

  /** A visitor changed the form: show the matches and record the step in the history. */
  choose(state) {
    const url = urlFor(state);
    if (url !== location.pathname + location.search) history.pushState(null, "", url);
    return this.show(state);
  }

  /** Shows ``state``; should Pagefind fail later (a chunk that does not load), back to the plain list. */
  async show(state) {
    this.labelToggle(state);
    try {
      await this.update(state);
    } catch (error) {
      console.warn("sdg-stories: filters stopped working", error);
      this.form.hidden = true;
      this.results.hidden = true;
      this.list.hidden = false;
    }
  }

  async update(state) {
    const request = ++this.latest;
    const total = Number(this.form.dataset.total);
    if (!isActive(state)) {
      this.matches = [];
      this.results.hidden = true;
      this.list.hidden = false;
      this.announce(total, total);
      this.done(state);
      return;
    }
    this.results.setAttribute("aria-busy", "true");
    const search = await this.pagefind.search(null, { filters: pagefindFilters(state), sort: { date: "desc" } });
    if (request !== this.latest) return; // a later choice has overtaken this one
    this.matches = search.results;
    this.shown = 0;
    this.cards.replaceChildren();
    this.list.hidden = true;
    this.results.hidden = false;
    await this.render(request);
    if (request !== this.latest) return;
    // Announced once the first cards are in place, so that what is heard is what is there.
    this.announce(this.matches.length, total);
    this.done(state);
  }

  /** Marks the state as shown: data-shown holds its query (tests and scripts wait on it). */
  done(state) {
    this.results.removeAttribute("aria-busy");
    this.form.dataset.shown = queryOf(state);
  }

  async showMore() {
    const first = this.shown;
    await this.render(this.latest);
    // Keyboard and screen-reader users continue at the first new story, not back at the button.
    this.cards.children[first]?.querySelector("a")?.focus();
  }

  async render(request) {
    const next = this.matches.slice(this.shown, this.shown + this.pageSize);
    const stories = await Promise.all(next.map((result) => result.data()));
    if (request !== this.latest) return;
    this.cards.append(...stories.map((story) => this.renderCard(story)));
    this.shown += next.length;
    this.more.parentElement.hidden = this.shown >= this.matches.length;
  }

  renderCard(story) {
    const card = this.card.cloneNode(true);
    const slot = (name) => card.querySelector(`[data-slot="${name}"]`);
    const href = this.siteURL(story.url);
    const meta = story.meta || {};
    const title = slot("title");
    title.href = href;
    title.textContent = meta.title || "";
    const image = slot("image");
    if (meta.card_image) image.src = new URL(meta.card_image, href).href;
    else image.remove();
    // A <time> in the template would be invalid HTML until filled (v.Nu checks the built pages).
    const date = document.createElement("time");
    date.dateTime = meta.date || "";
    date.textContent = meta.date ? formatDate(meta.date) : "";
    slot("date").replaceWith(date);
    const adviser = this.parts.querySelector(`[data-adviser="${CSS.escape(first(story.filters?.adviser))}"]`);
    if (adviser) slot("adviser").replaceWith(adviser.cloneNode(true));
    slot("summary").textContent = meta.summary || "";
    if (meta.lang) {
      title.parentElement.lang = meta.lang;
      slot("summary").lang = meta.lang;
    }
    // The label "in the other language" stays only on a story that is not in the site's language.
    const lang = slot("lang");
    if (!meta.lang || meta.lang === lang.dataset.siteLang) lang.remove();
    else lang.removeAttribute("data-slot");
    const goals = [...(story.filters?.goal || [])].sort((a, b) => a - b);
    slot("goals").append(
      ...goals
        .map((goal) => this.parts.querySelector(`[data-goal="${CSS.escape(goal)}"]`))
        .filter(Boolean)
        .map((badge) => badge.cloneNode(true)),
    );
    return card;
  }

  /** Pagefind's URLs are site-absolute ("/stories/x/"); the site itself may live in a sub-folder. */
  siteURL(url) {
    const absolute = new URL(url, location.origin);
    if (absolute.pathname.startsWith(this.root.pathname)) return absolute.href;
    return new URL(url.replace(/^\/+/, ""), this.root).href;
  }

  /** The folded form's button says how many filters are active: "Filters (2)". */
  labelToggle(state) {
    if (!this.label) return;
    const n = state.goal.length + ["target", "adviser", "year"].filter((kind) => state[kind]).length;
    this.label.textContent = n ? this.form.dataset.toggleN.replace("{n}", n) : this.form.dataset.toggle;
  }

  announce(n, total) {
    this.count.textContent =
      n === 0 ? this.form.dataset.none : this.form.dataset.count.replace("{n}", n).replace("{total}", total);
  }
}

function emptyState() {
  return { goal: [], target: "", adviser: "", year: "" };
}

function isActive(state) {
  return state.goal.length > 0 || Boolean(state.target || state.adviser || state.year);
}

/** Any of the chosen goals; all of the other kinds. */
function pagefindFilters(state) {
  const filters = {};
  if (state.goal.length) filters.goal = { any: state.goal };
  for (const kind of ["target", "adviser", "year"]) if (state[kind]) filters[kind] = state[kind];
  return filters;
}

function readForm(form) {
  const data = new FormData(form);
  const state = emptyState();
  state.goal = data.getAll("goal").map(String);
  for (const kind of ["target", "adviser", "year"]) state[kind] = String(data.get(kind) || "");
  // The target list follows the goals just chosen, and a target of a goal just unchosen is let go.
  writeForm(form, state);
  return state;
}

/** Only values the form offers: a stale link (an adviser who left) must not filter on something unseen. */
function readURL(form) {
  const params = new URLSearchParams(location.search);
  const state = emptyState();
  state.goal = [...new Set(params.getAll("goal"))].filter((goal) => offered(form, "goal", goal));
  for (const kind of ["target", "adviser", "year"]) {
    const value = params.get(kind) || "";
    state[kind] = offered(form, kind, value) ? value : "";
  }
  return state;
}

function offered(form, kind, value) {
  const controls = form.querySelectorAll(kind === "goal" ? 'input[name="goal"]' : `select[name="${kind}"] option`);
  return value !== "" && [...controls].some((control) => control.value === value);
}

function writeForm(form, state) {
  for (const box of form.querySelectorAll('input[name="goal"]')) box.checked = state.goal.includes(box.value);
  narrowTargets(form, state);
  for (const kind of ["target", "adviser", "year"]) form.elements.namedItem(kind).value = state[kind];
}

/** The target list offers only the chosen goals' targets (all of them while no goal is chosen); a chosen
 *  target of a goal no longer chosen is let go, since it could only ever match nothing. */
function narrowTargets(form, state) {
  for (const group of form.querySelectorAll("select[name=target] optgroup")) {
    const offered = state.goal.length === 0 || state.goal.includes(group.dataset.goal);
    group.hidden = !offered;
    group.disabled = !offered;
  }
  const options = [...form.querySelectorAll("select[name=target] option")];
  const chosen = options.find((option) => option.value === state.target);
  if (state.target && chosen?.parentElement.disabled) state.target = "";
}

/** The form's own GET encoding, goals in number order: "?goal=6&goal=11&year=2024", or "" for none. */
function queryOf(state) {
  const params = new URLSearchParams();
  for (const goal of [...state.goal].sort((a, b) => a - b)) params.append("goal", goal);
  for (const kind of ["target", "adviser", "year"]) if (state[kind]) params.append(kind, state[kind]);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** On the path of this page of the list: from stories/page/2/ the links of the page stay right. */
function urlFor(state) {
  return location.pathname + queryOf(state);
}

function first(values) {
  return Array.isArray(values) ? values[0] || "" : values || "";
}

function formatDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "long", timeZone: "UTC" }).format(date);
}
