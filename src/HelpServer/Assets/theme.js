// pyhelp viewer: the theme chosen with the toggle (light, dark, or the system's), set before the page is drawn.
(() => {
  try {
    const theme = localStorage.getItem("pyhelp-theme");
    if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
  } catch (e) { /* storage refused: the system's theme */ }
})();
