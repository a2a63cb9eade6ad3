/* The skip link ("Ga naar de inhoud", partials/header.html) moves the keyboard focus to
   the content, not only the view: the next Tab is then the first link of the page itself.
   The browser alone would not do it here: the theme's script handles the change of
   address and leaves the focus at the top. Without scripts the link still scrolls. */
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a.ab-skip") : null;
  const content = document.getElementById("hoofdinhoud");
  if (!link || !content) return;
  event.preventDefault();
  content.setAttribute("tabindex", "-1");
  content.focus();
}, true);
