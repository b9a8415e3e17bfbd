// The 打印 button of a resource: shown only when script can print (without it, the browser's
// own print menu prints the same clean page through print.css).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.closest("[data-print-item]").hidden = false;
  button.addEventListener("click", () => window.print());
});
