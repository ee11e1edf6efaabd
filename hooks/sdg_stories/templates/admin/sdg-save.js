/* Nothing lost in review: the stories' file format for the editor ("sdg-frontmatter"), which writes a saved
   story as the file it was with only the changed values rewritten, in their old style. Decap's own
   "frontmatter" format writes the whole front matter again in its YAML (lists in another style, long lines
   wrapped), so a pull request would show every line of the story changed for one sentence. Used by every
   backend, so the hosted editor's pull requests show the writer's change and nothing else; the local
   backend does the same in Python (editor/minimal_save.py). YAML is read with js-yaml (vendored, MIT). */
(function () {
  "use strict";
  var SOURCE = "_sdg_source";  // the file as it was read, carried in the entry's data until it is saved
  var FENCE = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;
  var SCHEMA = jsyaml.CORE_SCHEMA;  // as Decap reads YAML: dates stay text, as the form's date field wants

  CMS.registerCustomFormat("sdg-frontmatter", "md", { fromFile: fromFile, toFile: toFile });
  // advisers.yml the same way: one adviser's changed field is one changed line, the comments stay.
  CMS.registerCustomFormat("sdg-yaml", "yml", {
    fromFile: function (content) {
      var data = jsyaml.load(content, { schema: SCHEMA }) || {};
      data[SOURCE] = content;
      return data;
    },
    toFile: function (data) {
      var values = Object.assign({}, data);
      var source = values[SOURCE];
      delete values[SOURCE];
      if (typeof source !== "string" || source.indexOf("\r") >= 0) return jsyaml.dump(values, { schema: SCHEMA, lineWidth: -1 });
      return merge(source, values);
    },
  });

  function fromFile(content) {
    var match = FENCE.exec(content);
    if (!match) return { body: content };
    var data = jsyaml.load(match[1] || "", { schema: SCHEMA }) || {};
    data.body = content.slice(match[0].length).replace(/^\n+/, "");
    data[SOURCE] = content;
    return data;
  }

  function toFile(data, sortedKeys) {
    var source = data[SOURCE];
    var values = Object.assign({}, data);
    delete values[SOURCE];
    var body = values.body === undefined ? "" : String(values.body);
    delete values.body;
    var match = typeof source === "string" && source.indexOf("\r") < 0 ? FENCE.exec(source) : null;
    if (!match) {
      var keys = (sortedKeys || []).filter(function (key) { return key in values; });
      Object.keys(values).forEach(function (key) { if (keys.indexOf(key) < 0) keys.push(key); });
      var lines = keys.filter(function (key) { return !empty(values[key]); }).map(function (key) { return entry(key, values[key], null); });
      return "---\n" + lines.join("\n") + "\n---\n" + body;
    }
    var oldBody = source.slice(match[0].length);
    var keptBody = oldBody.replace(/^\n+/, "").replace(/\n+$/, "") === body.replace(/^\n+/, "").replace(/\n+$/, "")
      ? oldBody : oldBody.slice(0, oldBody.length - oldBody.replace(/^\n+/, "").length) + body.replace(/^\n+/, "");
    var front = merge(match[1] || "", values);
    var fenceStart = source.indexOf("\n") + 1;
    return source.slice(0, fenceStart) + front + source.slice(fenceStart + (match[1] || "").length, match[0].length) + keptBody;
  }

  // The front matter as top-level entries: a "key:" line at column 0 and the lines that belong to it.
  function entries(text) {
    var result = [];
    text.split("\n").forEach(function (line, n, all) {
      if (n === all.length - 1 && line === "") return;
      var key = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/.exec(line);
      if (key) result.push({ key: key[1], lines: [line] });
      else if (result.length && /^([ \t]|$)/.test(line) && !/^#/.test(line)) result[result.length - 1].lines.push(line);
      else result.push({ key: null, lines: [line] });  // a comment or what this does not follow: kept
    });
    return result;
  }

  function merge(text, values) {
    var parts = entries(text);
    var seen = {};
    parts.forEach(function (part) {
      if (part.key === null) return;
      seen[part.key] = true;
      var own = part.lines.join("\n");
      var old;
      try { old = (jsyaml.load(own, { schema: SCHEMA }) || {})[part.key]; } catch (error) { return; }
      if (!(part.key in values)) {
        if (!empty(old)) part.lines = [];  // the writer emptied a field Decap then left out
        return;
      }
      if (same(old, values[part.key]) || (empty(old) && empty(values[part.key]))) return;
      var trailing = [];
      while (part.lines.length > 1 && part.lines[part.lines.length - 1].trim() === "") trailing.unshift(part.lines.pop());
      var nested = nestedMerge(part.lines, old, values[part.key]);
      part.lines = (nested || entry(part.key, values[part.key], part.lines).split("\n")).concat(trailing);
    });
    var added = Object.keys(values).filter(function (key) { return !seen[key] && !empty(values[key]); });
    var lines = [];
    parts.forEach(function (part) { lines = lines.concat(part.lines); });
    added.forEach(function (key) { lines.push(entry(key, values[key], null)); });
    return lines.length ? lines.join("\n") + "\n" : "";
  }

  // A mapping under a key (an adviser's fields): merged field by field at its own indentation.
  function nestedMerge(lines, old, value) {
    var isMapping = function (v) { return v && typeof v === "object" && !Array.isArray(v); };
    if (!isMapping(old) || !isMapping(value) || lines.length < 2 || lines[0].slice(lines[0].indexOf(":") + 1).trim() !== "") return null;
    var indent = /^\s*/.exec(lines[1])[0];
    var inner = lines.slice(1);
    if (!indent || !inner.every(function (line) { return line.trim() === "" || line.indexOf(indent) === 0; })) return null;
    var merged = merge(inner.map(function (line) { return line.slice(indent.length); }).join("\n") + "\n", value);
    return [lines[0]].concat(merged.replace(/\n$/, "").split("\n").map(function (line) { return line ? indent + line : line; }));
  }

  function empty(value) {
    return value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length);
  }

  // Values compared as YAML text: 11.7 and "11.7" are the same target to the site's readers.
  function same(a, b) {
    return JSON.stringify(text(a)) === JSON.stringify(text(b));
  }

  function text(value) {
    if (Array.isArray(value)) return value.map(text);
    if (value && typeof value === "object") {
      var result = {};
      Object.keys(value).sort().forEach(function (key) { result[key] = text(value[key]); });
      return result;
    }
    return value === undefined || value === null ? "" : String(value);
  }

  // "key: value" in the old entry's style (old lines given), or in the style of the site's stories.
  function entry(key, value, oldLines) {
    var first = oldLines ? oldLines[0].slice(oldLines[0].indexOf(":") + 1).trim() : "";
    if (Array.isArray(value) && value.every(function (item) { return item === null || typeof item !== "object"; })) {
      var quoted = /"/.test(oldLines ? oldLines.join("\n") : "") || !oldLines;
      var items = value.map(function (item) { return scalar(item, quoted ? '"' : null); });
      // A new story's lists as Decap writes them (block, ids quoted); an old one's in its own style.
      var block = !oldLines || (first === "" && oldLines.length > 1);
      if (block) {
        var indent = oldLines ? /^(\s*)-/.exec(oldLines[1]) : null;
        return key + ":" + items.map(function (item) { return "\n" + (indent ? indent[1] : "  ") + "- " + item; }).join("");
      }
      return key + ": [" + items.join(", ") + "]";
    }
    if (typeof value === "string" && oldLines && /^[>|]/.test(first)) return key + ": " + blockScalar(first, oldLines.slice(1), value);
    if (value !== null && typeof value === "object") return jsyaml.dump(makeObject(key, value), { schema: SCHEMA, lineWidth: -1 }).replace(/\n$/, "");
    var style = first.charAt(0) === '"' || first.charAt(0) === "'" ? first.charAt(0) : null;
    return key + ": " + scalar(value, style);
  }

  function makeObject(key, value) {
    var object = {};
    object[key] = value;
    return object;
  }

  function scalar(value, style) {
    if (typeof value !== "string") return String(value);
    var plain = style === null && /^[^\s\-?:,\[\]{}#&*!|>'"%@`]/.test(value) && !/: | #|\n|\s$/.test(value);
    if (plain) {
      try { if (jsyaml.load("k: " + value, { schema: SCHEMA }).k === value) return value; } catch (error) { /* quoted below */ }
    }
    if (style === "'" && value.indexOf("\n") < 0) return "'" + value.replace(/'/g, "''") + "'";
    return JSON.stringify(value);
  }

  // A folded or literal block as the old one: the old lines that still begin and end the text are kept,
  // the changed middle is wrapped at the old block's width.
  function blockScalar(header, oldLines, value) {
    while (oldLines.length && oldLines[oldLines.length - 1].trim() === "") oldLines.pop();
    var indent = oldLines.length ? /^\s*/.exec(oldLines[0])[0] : "  ";
    var lines = oldLines.map(function (line) { return line.slice(indent.length); });
    var result;
    if (header.charAt(0) === "|") {
      result = value.replace(/\n+$/, "").split("\n");
    } else {
      var width = Math.max.apply(null, lines.map(function (line) { return line.length; }).concat([40]));
      var head = [], tail = [], rest = value;
      for (var i = 0; i < lines.length && lines[i] && rest.indexOf(lines[i] + " ") === 0; i++) {
        head.push(lines[i]);
        rest = rest.slice(lines[i].length + 1);
      }
      for (var j = lines.length - 1; j >= head.length && lines[j] && rest.length > lines[j].length &&
          rest.slice(-lines[j].length - 1) === " " + lines[j]; j--) {
        tail.unshift(lines[j]);
        rest = rest.slice(0, -lines[j].length - 1);
      }
      result = head.concat(wrap(rest, width), tail);
    }
    return header + result.map(function (line) { return "\n" + indent + line; }).join("");
  }

  function wrap(value, width) {
    var lines = [];
    value.split(" ").forEach(function (word) {
      if (lines.length && lines[lines.length - 1].length + 1 + word.length <= width) lines[lines.length - 1] += " " + word;
      else lines.push(word);
    });
    return lines;
  }
})();
