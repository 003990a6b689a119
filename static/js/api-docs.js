// Swagger UI for /api/docs/, loaded from this site (no inline script: the Content-Security-Policy forbids it).
(function () {
  var node = document.getElementById("swagger-ui");
  if (!node || !window.SwaggerUIBundle) { return; }
  window.SwaggerUIBundle({
    url: node.dataset.schemaUrl,
    domNode: node,
    deepLinking: true,
    supportedSubmitMethods: ["get"],
    persistAuthorization: false,
  });
})();
