// The OAuth 2.0 redirect target of the Test step's sign-in: hands the answer (code and state, or an error) to the
// page that opened the popup, on this origin only, and closes. The code is useless without that page's PKCE
// verifier, and the query is removed from the address bar and history at once.
(function () {
  var message = { type: "connector-studio-oauth", search: window.location.search };
  history.replaceState(null, "", window.location.pathname);
  var delivered = false;
  try {
    if (window.opener && !window.opener.closed) {
      window.opener.postMessage(message, window.location.origin);
      delivered = true;
    }
  } catch (e) {
    delivered = false;
  }
  if (!delivered && "BroadcastChannel" in window) {
    var channel = new BroadcastChannel("connector-studio-oauth");
    channel.postMessage(message);
    channel.close();
  }
  document.getElementById("status").textContent = "Signed in. You can close this window.";
  setTimeout(function () {
    window.close();
  }, 50);
})();
