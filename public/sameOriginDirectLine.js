/*
 * A DirectLine-compatible connection for the official Web Chat that talks to this server's
 * /api/webchat route: no Azure, no token, same origin. It implements the part of the DirectLineJS
 * interface Web Chat uses: connectionStatus$, activity$, postActivity() and end().
 * Each post runs one turn on the server (deliveryMode expectReplies) and returns the bot's replies.
 */
(function (global) {
  'use strict';

  /** DirectLineJS connection status values. */
  var ConnectionStatus = { Uninitialized: 0, Connecting: 1, Online: 2, FailedToConnect: 4, Ended: 5 };

  /** A minimal multicast observable; `replayLast` re-emits the latest value to new subscribers. */
  function Subject(replayLast, initial) {
    this.observers = [];
    this.replayLast = replayLast;
    this.hasValue = arguments.length > 1;
    this.value = initial;
  }
  Subject.prototype.subscribe = function (observerOrNext, error, complete) {
    var observer =
      typeof observerOrNext === 'function' ? { next: observerOrNext, error: error, complete: complete } : observerOrNext || {};
    var observers = this.observers;
    observers.push(observer);
    if (this.replayLast && this.hasValue && observer.next) observer.next(this.value);
    if (this.onSubscribe) this.onSubscribe(observer);
    return {
      unsubscribe: function () {
        var index = observers.indexOf(observer);
        if (index >= 0) observers.splice(index, 1);
      }
    };
  };
  Subject.prototype.next = function (value) {
    this.value = value;
    this.hasValue = true;
    this.observers.slice().forEach(function (observer) {
      if (observer.next) observer.next(value);
    });
  };

  /** An observable that emits one value (or an error) from a promise, as DirectLineJS's postActivity does. */
  function fromPromise(promiseFactory) {
    return {
      subscribe: function (observerOrNext, error, complete) {
        var observer =
          typeof observerOrNext === 'function' ? { next: observerOrNext, error: error, complete: complete } : observerOrNext || {};
        var closed = false;
        promiseFactory().then(
          function (value) {
            if (closed) return;
            if (observer.next) observer.next(value);
            if (observer.complete) observer.complete();
          },
          function (reason) {
            if (!closed && observer.error) observer.error(reason);
          }
        );
        return {
          unsubscribe: function () {
            closed = true;
          }
        };
      }
    };
  }

  function randomId() {
    if (global.crypto && global.crypto.randomUUID) return global.crypto.randomUUID();
    return 'id-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  }

  /**
   * Creates the connection. Options: endpoint (default '/api/webchat'), conversationId, userId.
   * The conversation starts (welcome message) once Web Chat listens to activities.
   */
  function createSameOriginDirectLine(options) {
    options = options || {};
    var endpoint = options.endpoint || '/api/webchat';
    var conversationId = options.conversationId || randomId();
    var userId = options.userId || randomId();
    var connectionStatus$ = new Subject(true, ConnectionStatus.Uninitialized);
    var activity$ = new Subject(false);
    var started = false;

    function post(activity) {
      var body = Object.assign({}, activity, { conversation: { id: conversationId } });
      return fetch(endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body)
      }).then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      });
    }

    function deliver(activities) {
      (activities || []).forEach(function (activity) {
        activity$.next(activity);
      });
    }

    function start() {
      if (started) return;
      started = true;
      post({ type: 'conversationUpdate', from: { id: userId, role: 'user' } }).then(
        function (result) {
          deliver(result.activities);
        },
        function () {
          connectionStatus$.next(ConnectionStatus.FailedToConnect);
        }
      );
    }

    // Web Chat first subscribes to activity$ to connect, then again once online to show them:
    // the conversation starts with that second subscription, so the welcome is not missed.
    activity$.onSubscribe = function () {
      if (connectionStatus$.value === ConnectionStatus.Uninitialized) {
        connectionStatus$.next(ConnectionStatus.Connecting);
        global.setTimeout(function () {
          connectionStatus$.next(ConnectionStatus.Online);
        }, 0);
      } else if (connectionStatus$.value === ConnectionStatus.Online) {
        global.setTimeout(start, 0);
      }
    };

    return {
      connectionStatus$: connectionStatus$,
      activity$: activity$,
      postActivity: function (activity) {
        return fromPromise(function () {
          return post(activity).then(function (result) {
            // The echo tells Web Chat the message was delivered (it matches channelData.clientActivityID).
            var echo = Object.assign({}, activity, {
              id: result.id,
              timestamp: result.timestamp,
              conversation: { id: conversationId }
            });
            activity$.next(echo);
            deliver(result.activities);
            return result.id;
          });
        });
      },
      end: function () {
        connectionStatus$.next(ConnectionStatus.Ended);
      },
      getSessionId: function () {
        return fromPromise(function () {
          return Promise.resolve(conversationId);
        });
      }
    };
  }

  global.createSameOriginDirectLine = createSameOriginDirectLine;
})(window);
