// An image's alt text starts from the image's own description (asked for on upload), and
// stays the writer's to change: a choice replaces it only while it is empty or still the
// previous image's description. Wagtail's chooser announces the change of its hidden input
// first and writes the new image's description on its preview just after.
(() => {
  const ALT_FIELDS = { hero_image: "hero_alt", photo: "photo_alt" };

  const altFieldFor = (input) => {
    const name = input.name || "";
    let altName = ALT_FIELDS[name];
    // An image block in a body: "body-3-value-image" beside "body-3-value-alt_text".
    if (!altName && name.endsWith("-image")) altName = `${name.slice(0, -5)}alt_text`;
    return altName ? document.querySelector(`[name="${CSS.escape(altName)}"]`) : null;
  };

  document.addEventListener("change", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "hidden" || !input.value) return;
    const alt = altFieldFor(input);
    const preview = document
      .getElementById(`${input.id}-chooser`)
      ?.querySelector("[data-chooser-image]");
    if (!alt || !preview) return;
    const before = preview.dataset.defaultAltText || "";
    setTimeout(() => {
      const description = preview.dataset.defaultAltText || "";
      const untouched = alt.value.trim() === "" || alt.value === before;
      if (description && untouched && alt.value !== description) {
        alt.value = description;
        alt.dispatchEvent(new Event("input", { bubbles: true }));
        alt.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }, 0);
  });
})();
