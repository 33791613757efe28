// A code block, a table or a timeline wider than the page scrolls sideways; a reader
// without a mouse must be able to scroll it too. (Timelines get a frame of their own
// first, .timeline-frame in theme/course.css, which keeps their labels legible on a phone
// by scrolling rather than shrinking.) Each one that scrolls becomes a keyboard stop (Tab
// reaches it, the arrow keys scroll it), named for screen readers (a group, not a
// landmark: a page has many). Those that fit are left alone, and are checked again when
// the window's width changes or a Python/Rust tab shows another block.
(function () {
    "use strict";
    function frame() {
        for (const svg of document.querySelectorAll("#mdbook-content svg.timeline")) {
            if (svg.parentElement.classList.contains("timeline-frame")) continue;
            const box = document.createElement("div");
            box.className = "timeline-frame";
            svg.replaceWith(box);
            box.appendChild(svg);
        }
    }
    function mark() {
        const boxes = document.querySelectorAll(
            "#mdbook-content :is(pre > code, .table-wrapper, .timeline-frame)");
        for (const box of boxes) {
            const scrolls = box.scrollWidth > box.clientWidth + 1;
            const marked = box.hasAttribute("data-scroll-stop");
            if (scrolls && !marked) {
                box.setAttribute("data-scroll-stop", "");
                box.tabIndex = 0;
                box.setAttribute("role", "group");
                const what = box.tagName === "CODE" ? "Code"
                    : box.classList.contains("timeline-frame") ? "Timeline" : "Table";
                box.setAttribute("aria-label", `${what}, scrolls sideways`);
            } else if (!scrolls && marked && box.clientWidth > 0) {
                // Fits now (a wider window); a hidden block (clientWidth 0) keeps its mark.
                for (const name of ["data-scroll-stop", "tabindex", "role", "aria-label"]) {
                    box.removeAttribute(name);
                }
            }
        }
    }
    let pending = null;
    function later() {
        if (pending !== null) return;
        pending = requestAnimationFrame(() => {
            pending = null;
            mark();
        });
    }
    frame();
    window.addEventListener("load", mark);
    window.addEventListener("resize", later);
    // The tabs (theme/python-rust.js) show a block by its class: look again after a click.
    document.addEventListener("click", (event) => {
        if (event.target.closest && event.target.closest(".python-rust-tabs")) later();
    });
    document.addEventListener("keydown", (event) => {
        if (event.target.closest && event.target.closest(".python-rust-tabs")) later();
    });
})();
