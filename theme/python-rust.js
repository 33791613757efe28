// Python beside Rust. A chapter puts the workshop's Python and its Rust counterpart in one
// `<div class="python-rust">`; this script turns each such div into two tabs. Without it
// (scripts off, or a printed page) both blocks show, one above the other.
// The tab a reader picks is picked on every page, and remembered.
(function () {
    "use strict";
    const key = "python-rust-tab";
    const groups = Array.from(document.querySelectorAll(".python-rust"));
    if (groups.length === 0) return;

    // The language of a code block, from the class mdBook gives it: "language-python".
    function language(pre) {
        const code = pre.querySelector("code");
        const match = code && /language-(\w+)/.exec(code.className);
        return match ? match[1] : "";
    }
    const labels = { python: "Python", rust: "Rust" };

    function show(lang) {
        for (const group of groups) {
            for (const [pane, tab] of group.tabPanes) {
                const on = pane.lang === lang;
                pane.pre.classList.toggle("active", on);
                tab.setAttribute("aria-selected", String(on));
                tab.tabIndex = on ? 0 : -1;
            }
        }
    }

    function choose(lang) {
        show(lang);
        try {
            localStorage.setItem(key, lang);
        } catch (e) {
            // Storage refused (a private window): the choice lasts for this page only.
        }
    }

    for (const group of groups) {
        const panes = Array.from(group.children)
            .filter((child) => child.tagName === "PRE")
            .map((pre) => ({ pre, lang: language(pre) }));
        const bar = document.createElement("div");
        bar.className = "python-rust-tabs";
        bar.setAttribute("role", "tablist");
        group.tabPanes = panes.map((pane) => {
            const tab = document.createElement("button");
            tab.type = "button";
            tab.setAttribute("role", "tab");
            tab.textContent = labels[pane.lang] || pane.lang;
            tab.addEventListener("click", () => choose(pane.lang));
            // Left and right arrows move between the tabs, as in any tab list.
            tab.addEventListener("keydown", (event) => {
                if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
                const other = panes[(panes.indexOf(pane) + 1) % panes.length];
                choose(other.lang);
                group.querySelector(`[role=tab]:nth-child(${panes.indexOf(other) + 1})`).focus();
            });
            bar.appendChild(tab);
            return [pane, tab];
        });
        group.insertBefore(bar, group.firstChild);
        group.classList.add("tabbed");
    }

    let saved = null;
    try {
        saved = localStorage.getItem(key);
    } catch (e) {
        // No storage: start on Rust.
    }
    show(saved === "python" ? "python" : "rust");
})();
