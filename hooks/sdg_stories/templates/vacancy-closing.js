// Vacancies close on the day, without a rebuild (templates/vacancy-macros.html, vacancies.html).
//
// The build shows the vacancies open on the build date. A site rebuilt weekly would advertise a vacancy for
// days after it closed, so every vacancy carries its closing day (data-closes="2026-03-01") and this script
// takes it out once the visitor's day in Europe/Amsterdam (the recruiters' day, whatever the visitor's own
// time zone) is past it. In each box (data-sdg-vacancies) the next vacancies held hidden take the place of
// the closed ones, up to the list's data-show; when none is left the box shows its data-sdg-if="none"
// parts instead of its "some" parts, or hides itself (data-sdg-hide-empty). A search result for a vacancy
// (templates/search.html gives it data-closes; the header loads this script on every page) hides itself
// the same way. Feeds, open data and the search index drop a closed vacancy at the next build (README: a
// daily scheduled build).
//
// On the vacancies page it also filters by goal, in the URL like the overview (vacancies/?goal=11&goal=13):
// the form is rendered hidden and shown here, so without JavaScript the full list stands.

const TIME_ZONE = "Europe/Amsterdam";

/** Today in Amsterdam as YYYY-MM-DD, which compares as text with the closing days. */
function today() {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date());
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

function closeOnTheDay(box, day) {
  const items = [...box.querySelectorAll("li[data-vacancy]")];
  const closed = items.filter((item) => item.dataset.closes && item.dataset.closes < day);
  if (!closed.length) return; // the page as built is right
  for (const item of closed) item.remove();
  for (const list of box.querySelectorAll("ul[data-show]")) {
    const show = Number(list.dataset.show);
    [...list.querySelectorAll(":scope > li[data-vacancy]")].forEach((item, n) => { item.hidden = n >= show; });
  }
  const left = box.querySelectorAll("li[data-vacancy]").length > 0;
  if (!left && box.hasAttribute("data-sdg-hide-empty")) box.hidden = true;
  for (const part of box.querySelectorAll('[data-sdg-if="some"]')) part.hidden = !left;
  for (const part of box.querySelectorAll('[data-sdg-if="none"]')) part.hidden = left;
}

// Pagefind draws results as they scroll into view, so each is looked at when it is drawn. Its link goes too:
// the dialog's arrow keys walk the links, and one in a hidden result would take the focus out of sight.
function closeSearchResults(dialog, day) {
  const close = () => {
    for (const item of dialog.querySelectorAll(".sdg-result[data-closes]")) {
      if (item.dataset.closes < day && item.style.display !== "none") {
        item.style.display = "none"; // not the hidden attribute: Pagefind's .pf-result sets display
        item.querySelector("a")?.remove();
      }
    }
  };
  new MutationObserver(close).observe(dialog, { childList: true, subtree: true });
}

const day = today();
for (const box of document.querySelectorAll("[data-sdg-vacancies]")) closeOnTheDay(box, day);
const dialog = document.querySelector("pagefind-modal");
if (dialog) closeSearchResults(dialog, day);
document.documentElement.dataset.sdgVacanciesClosed = day; // done: tests and scripts wait on it

const form = document.querySelector("form.sdg-vacancy-filters");
if (form && document.querySelector(".sdg-vacancy-list--all li[data-vacancy]")) startFilters(form);

function startFilters(form) {
  const items = [...document.querySelectorAll(".sdg-vacancy-list--all > li[data-vacancy]")];
  // Only goals some open vacancy still has: a goal whose vacancies all closed today is no choice.
  const offered = new Set(items.flatMap((item) => item.dataset.goals.split(" ")));
  for (const box of form.querySelectorAll('input[name="goal"]')) {
    if (!offered.has(box.value)) box.closest("li").remove();
  }
  const count = form.querySelector(".sdg-filters__count");
  const show = (goals) => {
    for (const box of form.querySelectorAll('input[name="goal"]')) box.checked = goals.includes(box.value);
    let n = 0;
    for (const item of items) {
      item.hidden = goals.length > 0 && !item.dataset.goals.split(" ").some((goal) => goals.includes(goal));
      if (!item.hidden) n += 1;
    }
    count.textContent = n === 0 ? form.dataset.none : form.dataset.count.replace("{n}", n).replace("{total}", items.length);
    form.dataset.shown = queryOf(goals);
  };
  const fromURL = () =>
    [...new Set(new URLSearchParams(location.search).getAll("goal"))]
      .filter((goal) => offered.has(goal))
      .sort((a, b) => a - b);
  const choose = (goals) => {
    const url = location.pathname + queryOf(goals);
    if (url !== location.pathname + location.search) history.pushState(null, "", url);
    show(goals);
  };
  const chosen = () => [...form.querySelectorAll('input[name="goal"]:checked')].map((box) => box.value);
  form.addEventListener("change", () => choose(chosen()));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    choose(chosen());
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault(); // the native reset would restore the choices the page loaded with
    choose([]);
  });
  window.addEventListener("popstate", () => show(fromURL()));
  const goals = fromURL();
  // The address shows what is shown: goals the form does not offer are dropped, goals put in order.
  const url = location.pathname + queryOf(goals);
  if (url !== location.pathname + location.search) history.replaceState(null, "", url + location.hash);
  form.hidden = false;
  show(goals);
  // A search result links to #vacancy-<id>: it must be visible, whatever the filter.
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target?.hidden) choose([]);
}

function queryOf(goals) {
  const params = new URLSearchParams();
  for (const goal of goals) params.append("goal", goal);
  const query = params.toString();
  return query ? `?${query}` : "";
}
