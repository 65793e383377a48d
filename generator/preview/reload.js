// The Minh Bạch preview's live reload. The preview server adds this script
// to the pages it serves (never to the published site). It follows the
// server's build state: a new successful build reloads the page; a failed
// one shows its problems over the page, as text.
(function () {
  "use strict";
  var script = document.currentScript;
  var version = Number(script && script.dataset.version);
  var box = null;

  function hide() {
    if (box) {
      box.remove();
      box = null;
    }
  }

  function show(problems) {
    hide();
    box = document.createElement("aside");
    box.setAttribute("role", "alert");
    box.setAttribute("aria-label", "Build failed");
    var s = box.style;
    s.position = "fixed";
    s.inset = "auto 0 0 0";
    s.maxHeight = "60vh";
    s.overflow = "auto";
    s.zIndex = "2147483647";
    s.margin = "0";
    s.padding = "1rem 1.25rem";
    s.background = "#3b0d0c";
    s.color = "#fff";
    s.font = "14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
    s.boxShadow = "0 -4px 16px rgba(0,0,0,.35)";
    var title = document.createElement("strong");
    title.textContent = "Build failed — still showing the last good site. Fix these and save:";
    box.appendChild(title);
    var list = document.createElement("ul");
    list.style.margin = "0.5rem 0 0";
    list.style.paddingLeft = "1.25rem";
    problems.forEach(function (p) {
      var item = document.createElement("li");
      item.textContent = p; // text, never markup: the problems quote the data
      list.appendChild(item);
    });
    box.appendChild(list);
    document.body.appendChild(box);
  }

  var events = new EventSource("/_minhbach/events");
  events.addEventListener("state", function (e) {
    var state = JSON.parse(e.data);
    if (state.version !== version && state.ok) {
      location.reload();
      return;
    }
    if (state.ok) {
      hide();
    } else {
      show(state.problems || []);
    }
  });
})();
