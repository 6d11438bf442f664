/* Starts the official Web Chat in French, on a session the server issues (its ids, not the browser's). */
(function () {
  'use strict';
  var container = document.getElementById('webchat');
  window.startWebChatSession().then(
    function (session) {
      var directLine = window.createSameOriginDirectLine({ session: session });
      // HR's replies to questions passed on from this browser: asked once the chat is shown, then every minute.
      var check = function () {
        directLine.checkReplies().catch(function () {
          // Not reachable right now: the next check will ask again.
        });
      };
      window.setTimeout(check, 1500);
      window.setInterval(check, 60000);
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          userID: session.userId,
          username: 'Vous',
          locale: 'fr-FR',
          styleOptions: {
            hideUploadButton: true,
            botAvatarInitials: 'RH',
            userAvatarInitials: 'Vous',
            suggestedActionLayout: 'flow',
            bubbleMaxWidth: 720,
            sendTimeout: 30000
          }
        },
        container
      );
      container.focus();
    },
    function () {
      document.getElementById('session-error').hidden = false;
    }
  );
})();
