/* The editor's preview pane draws a story with the site's own stylesheets and markup (story.html,
   macros.html), in the published page's order and words. The names, colours, words and stylesheets come
   from the build (#sdg-editor-data), never from a server. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("sdg-editor-data").textContent);
  var t = data.labels;
  // Loaded before Decap (index.html), which then waits for CMS.init() below.
  window.CMS_MANUAL_INIT = true;
  document.addEventListener("DOMContentLoaded", start);

  // On the writer's own computer Decap looks for `sdg-stories editor` (its local mode); elsewhere it
  // publishes through the git host, which needs the settings under extra.sdg_stories.editor.
  function start() {
    var local = location.hostname === "127.0.0.1" || location.hostname === "localhost";
    if (!local && !data.publishing) {
      var note = document.createElement("p");
      note.setAttribute("role", "alert");
      note.style.cssText = "max-width: 40rem; margin: 4rem auto; font: 1.1rem/1.5 system-ui, sans-serif;";
      note.textContent = data.not_configured;
      document.body.appendChild(note);
      return;
    }
    register();
    addPhrases(CMS.getLocale(data.lang) || {}, data.decap_phrases);
    CMS.init();
  }

  // Fills in what Decap's translation of the site's language lacks (from our catalogue), so no English
  // shows on a Dutch site; Decap's own words always win.
  function addPhrases(phrases, extra) {
    Object.keys(extra).forEach(function (key) {
      if (typeof extra[key] === "object") {
        phrases[key] = phrases[key] || {};
        addPhrases(phrases[key], extra[key]);
      } else if (!(key in phrases)) {
        phrases[key] = extra[key];
      }
    });
  }

  function register() {
    data.stylesheets.forEach(function (href) {
      CMS.registerPreviewStyle(new URL(href, location.href).href);
    });
    CMS.registerPreviewStyle(".sdg-editor-preview { padding: 1rem 1.5rem; max-width: 48rem; }", { raw: true });
    CMS.registerPreviewTemplate("stories", StoryPreview);
  }

  function list(entry, name) {
    var value = entry.getIn(["data", name]);
    if (value === undefined || value === null || value === "") return [];
    if (value.toJS) return value.toJS();
    return Array.isArray(value) ? value : [value];
  }

  function text(entry, name) {
    var value = entry.getIn(["data", name]);
    return value === undefined || value === null ? "" : String(value);
  }

  // Target ids sort as the UN orders them: 11.1 < 11.2 < 11.10 < 11.a.
  var targetOrder = {};
  data.target_order.forEach(function (id, n) { targetOrder[id] = n; });

  function h() {
    return window.h.apply(null, arguments);  // React.createElement, from Decap's bundle
  }

  // The markup below mirrors templates/story.html and macros.html (same order, same classes), so the site's
  // stylesheets draw the preview as the published page: the rubric's kicker, title, adviser, date, goal
  // badges, the summary as the lead, what it contributes to (the first target quoted, the others beneath),
  // image, the story.
  // Links are left out: the preview is one page, and a click must not leave the editor.

  function adviserCard(key) {
    var adviser = data.advisers[key];
    if (!adviser) return null;
    var photo = adviser.photo
      ? h("img", { className: "sdg-adviser__photo", src: new URL(adviser.photo, location.href).href,
          alt: t.photo_of.replace("{name}", adviser.name), width: 96, height: 96 })
      : h("span", { className: "sdg-adviser__photo sdg-adviser__photo--initials", "aria-hidden": "true" }, adviser.initials);
    return h("div", { className: "sdg-adviser" }, photo,
      h("div", { className: "sdg-adviser__text" },
        h("p", { className: "sdg-adviser__name" }, adviser.name),
        h("p", { className: "sdg-adviser__role" }, adviser.role)));
  }

  function goalBadge(goal) {
    return h("span", { className: "sdg-badge sdg-goal-" + goal },
      h("span", { className: "sdg-badge__number" }, h("span", { className: "sdg-sr-only" }, t.goal + " "), String(goal)),
      " ", h("span", { className: "sdg-badge__title" }, data.goals[String(goal)]));
  }

  function targetChip(target) {
    return h("span", { className: "sdg-chip sdg-goal-" + target.split(".")[0] },
      h("span", { className: "sdg-sr-only" }, t.target_n.replace("{id}", "")), target);
  }

  // "2 november 2026" / "November 2, 2026", as the site's Babel writes a long date.
  function dateLine(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value instanceof Date ? value.toISOString() : String(value || ""));
    if (!match) return null;
    var day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    var written = new Intl.DateTimeFormat(data.lang, { dateStyle: "long", timeZone: "UTC" }).format(day);
    return h("p", { className: "sdg-story__date" }, t.published + " ", h("time", { dateTime: match[0] }, written));
  }

  // A story dated after today (in Amsterdam, as the build reads the day) waits for the build of its day:
  // the preview says so as `mkdocs serve` does (templates/story.html).
  function scheduledBanner(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value instanceof Date ? value.toISOString() : String(value || ""));
    var today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
    if (!match || match[0] <= today) return null;
    var day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    var written = new Intl.DateTimeFormat(data.lang, { dateStyle: "long", timeZone: "UTC" }).format(day);
    return h("p", { className: "sdg-draft-banner sdg-scheduled-banner", role: "note" }, t.scheduled_banner.replace("{date}", written));
  }

  function chip(goal, label) {
    return h("span", { className: "sdg-chip sdg-goal-" + goal }, label);
  }

  // As pages/stories.py's served(): the target named first (else the first goal) quoted in its goal's
  // colour, then the other targets in the UN's order, then the goals none of whose targets is named.
  function contributions(goalIds, written, targets) {
    var withTargets = {};
    targets.forEach(function (id) { withTargets[Number(id.split(".")[0])] = true; });
    var items = targets.map(function (id) { return { goal: Number(id.split(".")[0]), target: id }; })
      .concat(goalIds.filter(function (goal) { return !withTargets[goal]; }).map(function (goal) { return { goal: goal }; }));
    var first = items.filter(function (item) { return item.target === written[0]; })[0] || items[0];
    var others = items.filter(function (item) { return item !== first; });
    var caption = first.target
      ? [chip(first.goal, t.target_n.replace("{id}", first.target)), " ",
         h("span", { className: "sdg-target-quote__goal" },
           t.target_of_goal.replace("{n}", first.goal).replace("{short}", data.goals[String(first.goal)]))]
      : [chip(first.goal, t.goal_n.replace("{n}", first.goal)), " ",
         h("span", { className: "sdg-target-quote__goal" }, data.goals[String(first.goal)])];
    return h("section", { className: "sdg-contributions", "aria-labelledby": "sdg-serves" },
      h("h2", { id: "sdg-serves", className: "sdg-contributions__heading" }, t.this_story_serves),
      h("figure", { className: "sdg-target-quote sdg-goal-" + first.goal },
        h("figcaption", { className: "sdg-target-quote__source" }, caption),
        h("blockquote", { className: "sdg-target-quote__text" },
          h("p", null, first.target ? data.targets[first.target] : data.goal_titles[String(first.goal)]))),
      others.length ? h("p", { className: "sdg-contributions__also", id: "sdg-serves-also" }, t.also_serves) : null,
      others.length ? h("ul", { className: "sdg-contributions__others", "aria-labelledby": "sdg-serves-also" },
        others.map(function (item) {
          return item.target
            ? h("li", { key: "target-" + item.target }, targetChip(item.target), " ",
                h("span", { className: "sdg-contribution__target-text" }, data.targets[item.target]))
            : h("li", { key: "goal-" + item.goal }, chip(item.goal, t.goal_n.replace("{n}", item.goal)), " ",
                h("span", { className: "sdg-contribution__goal-text" }, data.goal_titles[String(item.goal)]));
        })) : null);
  }

  function StoryPreview(props) {
    var entry = props.entry;
    var written = list(entry, "targets").map(String).filter(function (id) { return id in data.targets; });
    var targets = written.slice();
    targets.sort(function (a, b) { return targetOrder[a] - targetOrder[b]; });
    // A story serves the goals it names and the goals of its targets, as on the site.
    var goals = {};
    list(entry, "goals").forEach(function (goal) { if (String(goal) in data.goals) goals[Number(goal)] = true; });
    targets.forEach(function (id) { goals[Number(id.split(".")[0])] = true; });
    var goalIds = Object.keys(goals).map(Number).sort(function (a, b) { return a - b; });
    var image = text(entry, "image");
    var lang = text(entry, "lang") || data.lang;
    return h("div", { className: "md-typeset sdg-editor-preview" },
      h("article", { className: "sdg-story" },
        entry.getIn(["data", "draft"]) ? h("p", { className: "sdg-draft-banner", role: "note" }, t.draft_banner) : null,
        scheduledBanner(entry.getIn(["data", "date"])),
        h("header", { className: "sdg-story__header" },
          h("p", { className: "sdg-kicker" }, h("span", { className: "sdg-kicker__label" }, t.rubric_kicker), " ",
            h("span", { className: "sdg-kicker__name" }, data.rubric_name)),
          h("h1", { lang: lang }, text(entry, "title")),
          h("div", { className: "sdg-story__meta" },
            adviserCard(text(entry, "adviser")),
            dateLine(entry.getIn(["data", "date"])),
            goalIds.length ? h("ul", { className: "sdg-badges", "aria-label": t.goals },
              goalIds.map(function (goal) { return h("li", { key: "goal-" + goal }, goalBadge(goal)); })) : null),
          text(entry, "summary") ? h("p", { className: "sdg-story__lead", lang: lang }, text(entry, "summary")) : null),
        goalIds.length ? contributions(goalIds, written, targets) : null,
        image ? h("figure", { className: "sdg-story__image" },
          h("img", { src: props.getAsset(image).toString(), alt: text(entry, "image_alt") })) : null,
        h("div", { className: "sdg-story__body", lang: lang }, props.widgetFor("body"))));
  }
})();
