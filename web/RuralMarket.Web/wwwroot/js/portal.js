// Progressive enhancement for the portal: print buttons, and the chosen file's name beside a file picker.
// Without this script the browser's own print command works and the picker says only that a file was chosen.
(function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll(".file-picker input[type=file]").forEach(function (input) {
    var name = input.parentNode.querySelector("[data-file-name]");
    if (!name) { return; }
    var chosen = name.textContent;
    input.addEventListener("change", function () {
      name.textContent = input.files && input.files.length > 0 ? input.files[0].name : chosen;
    });
  });
})();
