// Follow a quality finding to its field without reloading the editor; from the preview
// panel this scrolls the editor beside it. Without a match the link loads the editor at
// the field instead, through Wagtail's own #:w:contentpath= anchors.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-quality-target]");
  if (!link) return;
  let editor = document;
  try {
    if (window.parent !== window && window.parent.document) editor = window.parent.document;
  } catch (error) {
    return;
  }
  const selector = link.dataset.qualityTarget
    .split(".")
    .map((part) => `[data-contentpath="${CSS.escape(part)}"]`)
    .join(" ");
  const target = editor.querySelector(selector);
  if (!target) return;
  event.preventDefault();
  const tabPanel = target.closest('[role="tabpanel"]');
  const tab = tabPanel && tabPanel.hidden
    ? editor.querySelector(`[role="tab"][aria-controls="${tabPanel.id}"]`)
    : null;
  if (tab) tab.click();
  // A tab that was just opened shows its fields a moment later; wait for it before focusing.
  setTimeout(() => {
    target.scrollIntoView({ behavior: "smooth", block: "center" });
    const field = target.querySelector(
      "input:not([type=hidden]), textarea, select, [contenteditable=true]",
    );
    if (field) field.focus({ preventScroll: true });
  }, tab ? 150 : 0);
});
