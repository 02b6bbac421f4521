// Progressive enhancement: choosing a province fills its communes without a round trip. Without this script the
// form's "update the list" button does the same through the server.
(function () {
  if (!window.fetch) { return; }
  document.querySelectorAll(".no-script-only").forEach(function (button) { button.hidden = true; });
  document.querySelectorAll("select[data-communes-for]").forEach(function (province) {
    var communes = document.getElementById(province.getAttribute("data-communes-for"));
    if (!communes || province.dataset.enhanced) { return; }
    province.dataset.enhanced = "1";
    var placeholder = communes.options.length > 0 ? communes.options[0].text : "";
    province.addEventListener("change", function () {
      var code = province.value;
      communes.length = 1;
      communes.options[0].text = placeholder;
      if (!code) { return; }
      fetch("/api/v1/provinces/" + encodeURIComponent(code) + "/communes", { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) {
          items.forEach(function (item) {
            var option = document.createElement("option");
            option.value = item.name;
            option.textContent = item.name;
            communes.appendChild(option);
          });
        })
        .catch(function () { province.form && province.form.querySelector(".no-script-only") && (province.form.querySelector(".no-script-only").hidden = false); });
    });
  });
})();
