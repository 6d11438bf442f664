/* Starts the official Web Chat in French, on a session the server issues (its ids, not the browser's). */
(function () {
  'use strict';
  var WebChat = window.WebChat;
  /** The bot's account in web conversations (src/channels/webChannel.ts). */
  var BOT = { id: 'assistant-rh', name: 'Assistant RH', role: 'bot' };
  var TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  var DAY_AND_TIME = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  var FULL = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', hourCycle: 'h23' });

  /** "14:05" today, "27 novembre à 09:47" another day: French, 24-hour. */
  function frenchTime(timestamp) {
    var date = new Date(timestamp);
    if (isNaN(date.getTime())) return '';
    return date.toDateString() === new Date().toDateString() ? TIME.format(date) : DAY_AND_TIME.format(date);
  }

  /**
   * As soon as a question is posted, the bot "types": an incoming typing activity from the bot, so the
   * indicator shows while the answer is on its way (Web Chat hides it when the answer arrives).
   */
  var store = WebChat.createStore({}, function (api) {
    return function (next) {
      return function (action) {
        var result = next(action);
        if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && action.payload.activity.type === 'message') {
          api.dispatch({
            type: 'DIRECT_LINE/INCOMING_ACTIVITY',
            payload: {
              activity: {
                type: 'typing',
                id: 'saisie-' + Date.now().toString(36),
                from: BOT,
                timestamp: new Date().toISOString(),
                channelData: {}
              }
            }
          });
        }
        return result;
      };
    };
  });

  /**
   * Timestamps in French 24-hour time ("14:05", "27 novembre à 09:47"), the full date on hover, instead
   * of Web Chat's 12-hour "9:47 AM". The bundle does not expose React, so the element Web Chat would
   * render is reused as a template (same React element kind) with our own type and props.
   */
  function activityStatusMiddleware() {
    return function (next) {
      return function (args) {
        var rendered = next(args);
        var timestamp = args.activity && args.activity.timestamp;
        if (!rendered || args.hideTimestamp || !timestamp || (args.sendState && args.sendState !== 'sent')) return rendered;
        var date = new Date(timestamp);
        return Object.assign({}, rendered, {
          type: 'time',
          key: null,
          ref: null,
          props: {
            className: 'horodatage',
            dateTime: date.toISOString(),
            title: FULL.format(date),
            children: frenchTime(timestamp)
          }
        });
      };
    };
  }

  /** The keyboard starts in the send box, once Web Chat has drawn it. */
  function focusSendBox(attempt) {
    var input = document.querySelector('[data-id="webchat-sendbox-input"]');
    if (input) input.focus();
    else if (attempt < 100) window.setTimeout(focusSendBox, 50, attempt + 1);
  }

  var container = document.getElementById('webchat');
  window.startWebChatSession().then(
    function (session) {
      var directLine = window.createSameOriginDirectLine({ session: session });
      // HR's replies to questions passed on from this browser: asked once the conversation starts (by the
      // channel itself), then every minute while the page is open.
      window.setInterval(function () {
        directLine.checkReplies().catch(function () {
          // Not reachable right now: the next check will ask again.
        });
      }, 60000);
      WebChat.renderWebChat(
        {
          directLine: directLine,
          store: store,
          userID: session.userId,
          username: 'Vous',
          locale: 'fr-FR',
          activityStatusMiddleware: activityStatusMiddleware,
          styleOptions: {
            hideUploadButton: true,
            botAvatarInitials: 'RH',
            userAvatarInitials: 'Vous',
            suggestedActionLayout: 'flow',
            bubbleMaxWidth: 720,
            sendTimeout: 30000,
            // A long answer: scrolling stops with its start in view instead of its end.
            autoScrollSnapOnPage: true,
            autoScrollSnapOnPageOffset: 0
          }
        },
        container
      );
      focusSendBox(0);
    },
    function () {
      document.getElementById('session-error').hidden = false;
    }
  );
})();
