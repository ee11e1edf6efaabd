// The header's search dialog (docs/overrides/partials/header.html): Pagefind's Component UI in the site's words.
// The dialog waits in <template id="sdg-search-dialog"> (inert, so without JavaScript nothing of it shows) and
// is put in the page only once Pagefind's script has run (this script is deferred after it) and has been given
// our words from data-words (pages/labels.py): Pagefind's own Dutch says "Reset" and "u", and words given after
// its elements have rendered make them render again, which loses what a visitor typed.
const dialog = document.getElementById("sdg-search-dialog");
if (dialog) {
  try {
    window.PagefindComponents?.getInstanceManager().getInstance("default").setTranslations(JSON.parse(dialog.dataset.words || "{}"));
  } finally {
    dialog.replaceWith(dialog.content);
  }
}
