/* Starts the official Web Chat in French on the same-origin connection to the bot. */
(function () {
  'use strict';
  var userId = 'utilisateur-' + Math.random().toString(36).slice(2, 10);
  window.WebChat.renderWebChat(
    {
      directLine: window.createSameOriginDirectLine({ userId: userId }),
      userID: userId,
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
    document.getElementById('webchat')
  );
  document.querySelector('#webchat').focus();
})();
