/* global window */
// Cold start in a browser (web host): asks for the inbox's first page while the app's script is still loading,
// so the answer is on its way before React renders. renderer/api.ts hands it to the first call with exactly this
// name and body (the default inbox: Unanswered, lowest rating first, first 50 rows — shared/reviews/first-page.ts);
// any other first request, or a failure here, goes the usual way. Nothing happens inside Electron or without a token.
(function () {
  if (window.kalm) return;
  var m = /(?:^#|&)token=([^&]*)/.exec(window.location.hash);
  var token;
  try {
    token = m ? decodeURIComponent(m[1]) : window.sessionStorage.getItem('kalm.token');
  } catch {
    token = m ? m[1] : null;
  }
  if (!token) return;
  var body = '{"view":"unanswered","sort":"priority","offset":0,"limit":50}';
  var response = window.fetch('./api/reviews.query', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
    body: body,
  });
  response.catch(function () {});
  window.__kalmEarlyCall = { name: 'reviews.query', body: body, response: response };
})();
