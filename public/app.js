/* Starts the official Web Chat in French, on a session the server issues (its ids, not the browser's). */
(function () {
  'use strict';
  var container = document.getElementById('webchat');
  window.startWebChatSession().then(
    function (session) {
      window.WebChat.renderWebChat(
        {
          directLine: window.createSameOriginDirectLine({ session: session }),
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
