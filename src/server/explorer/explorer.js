// GraphiQL for workforce-graph. Everything it needs is served by this server: government
// networks are often closed, so the explorer must not reach any other host.
(function () {
  'use strict';
  var TOKEN_KEY = 'workforce-graph.token';
  var tokenInput = document.getElementById('token');
  tokenInput.value = window.localStorage.getItem(TOKEN_KEY) || '';
  tokenInput.addEventListener('change', function () {
    window.localStorage.setItem(TOKEN_KEY, tokenInput.value.trim());
  });

  function fetcher(params) {
    var token = tokenInput.value.trim();
    var headers = { 'content-type': 'application/json', accept: 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(window.location.pathname, { method: 'POST', headers: headers, body: JSON.stringify(params) }).then(function (response) {
      return response.json();
    });
  }

  var defaultQuery = [
    // Short lines: the editor does not wrap, and a long first line was cut off at its edge.
    '# workforce-graph explorer / trình khám phá GraphQL',
    '# Paste a token in the box above. Mint one with',
    '#   npm run -s token -- --role HR_OFFICER \\',
    '#     --unit HCM.NHA_BE',
    '# then run this with the ▶ button or Ctrl-Enter.',
    '{',
    '  me { subject role unitCode }',
    '  staffingGap(unitCode: "HCM.NHA_BE", year: 2026) {',
    '    unit { name } quota filled gap',
    '    itGap itSeatsCoveredConcurrently',
    '    children { unit { name } quota filled gap }',
    '  }',
    '}',
    '',
  ].join('\n');

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery, defaultEditorToolsVisibility: true, isHeadersEditorEnabled: false }));
})();
