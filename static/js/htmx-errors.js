// htmx leaves error answers unswapped. The server's answer to a database error (lost connection,
// busy, colliding changes: 503 with HX-Reswap: none) carries an alert for #database-error, so let
// htmx swap that one; any later successful answer clears the alert.
document.addEventListener("htmx:beforeSwap", (event) => {
  const xhr = event.detail.xhr;
  if (xhr.status === 503 && xhr.getResponseHeader("HX-Reswap") === "none") {
    event.detail.shouldSwap = true;
  } else if (xhr.status < 400) {
    document.getElementById("database-error")?.replaceChildren();
  }
});
