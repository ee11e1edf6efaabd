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

  // On the writer's own computer the editor saves through `sdg-stories editor`: the one that served this
  // page (whatever its port), else the one beside `mkdocs serve` on the configured port. Without one, the
  // page says how to start it, rather than letting Decap fall back to a git host that is not set up.
  // Elsewhere it publishes through the git host, which needs the settings under extra.sdg_stories.editor.
  function start() {
    var local = location.protocol === "file:" || location.hostname === "127.0.0.1" || location.hostname === "localhost";
    if (!local) {
      if (!data.publishing) {
        var note = panel();
        note.setAttribute("role", "alert");
        note.appendChild(paragraph(data.not_configured));
        return;
      }
      register();
      CMS.init();
      return;
    }
    findEditor(function (api) {
      if (api) return openEditor(api);
      var guide = notRunning();
      if (data.publishing) {
        // The site owner trying the hosted editor on this computer: the git host's login, and no local
        // backend (another program on the configured port must not get the saves).
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = data.not_running.git_host;
        button.addEventListener("click", function () {
          clearInterval(timer);
          guide.remove();
          var config = Object.assign({}, data.config, { load_config_file: false });
          delete config.local_backend;
          register();
          CMS.init({ config: config });
        });
        guide.appendChild(button);
      }
      var timer = setInterval(function () {
        findEditor(function (found) {
          if (!found) return;
          clearInterval(timer);
          guide.remove();
          openEditor(found);
        });
      }, 3000);
    });
  }

  function openEditor(api) {
    // Saves go to the editor found, and "Bekijk live" and the site link to this local site, not to the
    // published one.
    var config = Object.assign({}, data.config, { load_config_file: false, local_backend: { url: api } });
    if (location.protocol !== "file:") config.site_url = config.display_url = new URL("../", location.href).href;
    register();
    CMS.init({ config: config });
  }

  function candidates() {
    var own = /^https?:$/.test(location.protocol) ? [location.origin + "/api/v1"] : [];
    return own.concat(own[0] === data.local_api ? [] : [data.local_api]);
  }

  function findEditor(done) {
    var urls = candidates();
    (function next(index) {
      if (index >= urls.length) return done(null);
      fetch(urls[index], { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"action":"info"}' })
        .then(function (answer) { return answer.ok ? answer.json() : null; })
        .then(function (info) { return info && info.editor === "sdg-stories"; }, function () { return false; })
        .then(function (found) { return found ? done(urls[index]) : next(index + 1); });
    })(0);
  }

  function panel() {
    var main = document.createElement("main");
    main.style.cssText = "max-width: 40rem; margin: 4rem auto; padding: 0 1rem; font: 1.1rem/1.5 system-ui, sans-serif;";
    document.body.appendChild(main);
    return main;
  }

  function paragraph(text) {
    var p = document.createElement("p");
    p.textContent = text;
    return p;
  }

  function notRunning() {
    var words = data.not_running;
    var main = panel();
    var title = document.createElement("h1");
    title.textContent = words.title;
    var command = document.createElement("pre");
    command.style.cssText = "padding: 0.75rem 1rem; background: #f0f0f0; border-radius: 4px;";
    command.appendChild(document.createElement("code")).textContent = words.command;
    main.append(title, paragraph(words.how), command, paragraph(words.then));
    return main;
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

  // Every way into Decap (local, hosted, the hosted login tried on this computer) registers the same.
  function register() {
    addPhrases(CMS.getLocale(data.lang) || {}, data.decap_phrases);
    formFixes();
    data.stylesheets.forEach(function (href) {
      CMS.registerPreviewStyle(new URL(href, location.href).href);
    });
    CMS.registerPreviewStyle(".sdg-editor-preview { padding: 1rem 1.5rem; max-width: 48rem; }", { raw: true });
    CMS.registerPreviewTemplate("stories", StoryPreview);
  }

  function formFixes() {
    // A refusal lists one problem a line (the editor sends them so); Decap's toast would run them together.
    var style = document.createElement("style");
    style.textContent = ".Toastify__toast-body { white-space: pre-line; }";
    document.head.appendChild(style);
    // Decap puts its error's type name before the editor's words ("API_ERROR: "), a programmer's word.
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (!node.closest && node.parentElement) node = node.parentElement;
          if (!node.closest || !node.closest(".Toastify")) return;
          var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            var textNode = walker.currentNode;
            if (textNode.nodeValue.indexOf("API_ERROR: ") >= 0) textNode.nodeValue = textNode.nodeValue.replace("API_ERROR: ", "");
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
    // A refused save is told in Decap's message above; Decap also leaves its failure action unhandled,
    // which is no error of the page.
    window.addEventListener("unhandledrejection", function (event) {
      if (event.reason && /PERSIST_FAILURE$/.test(String(event.reason.type))) event.preventDefault();
    });
    // Typing an id the writer has chosen already ("16.1") leaves the options that merely contain it
    // ("16.10"): Enter would add one of those. It adds only the option that is the typed id.
    document.addEventListener("keydown", function (event) {
      var input = event.target;
      if (event.key !== "Enter" || !input.id || !/^(goals|targets)-field-/.test(input.id)) return;
      var typed = input.value.trim();
      var ids = input.id.indexOf("goals") === 0 ? data.goals : data.targets;
      if (!(typed in ids)) return;
      var focused = document.getElementById(input.getAttribute("aria-activedescendant") || "");
      if (focused && focused.textContent.indexOf(typed + " — ") === 0) return;
      event.preventDefault();
      event.stopPropagation();
    }, true);
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
