/*
 * A DirectLine-compatible connection for the official Web Chat that talks to this server's
 * /api/webchat route: no Azure, same origin. It implements the part of the DirectLineJS interface
 * Web Chat uses: connectionStatus$, activity$, postActivity() and end().
 * The server issues the session (conversation id, user id, a short-lived signed token): every post
 * carries the token, which is renewed at half its lifetime while the page stays open. The token is
 * kept in this page's memory only, so two tabs never share a conversation.
 * Each post runs one turn on the server (deliveryMode expectReplies) and returns the bot's replies.
 */
(function (global) {
  'use strict';

  /** DirectLineJS connection status values. */
  var ConnectionStatus = { Uninitialized: 0, Connecting: 1, Online: 2, ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };

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

  var SESSION_ENDPOINT = '/api/webchat/session';

  /** Where this browser keeps the claims of the questions it passed on to HR (never the questions). */
  var CLAIMS_KEY = 'assistant-rh.ticket-claims';

  function storedClaims() {
    try {
      var claims = JSON.parse(global.localStorage.getItem(CLAIMS_KEY) || '[]');
      return Array.isArray(claims) ? claims.filter(function (claim) { return typeof claim === 'string'; }) : [];
    } catch (error) {
      return [];
    }
  }

  function saveClaims(claims) {
    try {
      global.localStorage.setItem(CLAIMS_KEY, JSON.stringify(claims.slice(-50)));
    } catch (error) {
      // Storage refused (private mode): the reply can still be seen in /rh by HR, not here.
    }
  }

  function rememberClaim(claim) {
    var claims = storedClaims();
    if (claims.indexOf(claim) < 0) saveClaims(claims.concat([claim]));
  }

  function forgetClaims(answered) {
    saveClaims(storedClaims().filter(function (claim) { return answered.indexOf(claim) < 0; }));
  }

  /** Asks the server for a session: a new one, or the given one renewed. */
  function requestSession(token) {
    var headers = token ? { Authorization: 'Bearer ' + token } : {};
    return fetch(SESSION_ENDPOINT, { method: 'POST', credentials: 'same-origin', headers: headers }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    });
  }

  /**
   * Creates the connection for a session from startSession(). Options: session, endpoint
   * (default '/api/webchat'). The conversation starts (welcome message) once Web Chat listens.
   */
  function createSameOriginDirectLine(options) {
    var endpoint = options.endpoint || '/api/webchat';
    var session = options.session;
    var conversationId = session.conversationId;
    var userId = session.userId;
    var connectionStatus$ = new Subject(true, ConnectionStatus.Uninitialized);
    var activity$ = new Subject(false);
    var started = false;
    var renewal;

    // Renews the token at half its remaining lifetime, for as long as the page is open.
    function scheduleRenewal() {
      var delay = Math.max(1000, (session.expiresAt - Date.now()) / 2);
      renewal = global.setTimeout(function () {
        requestSession(session.token).then(
          function (renewed) {
            session = renewed;
            scheduleRenewal();
          },
          function () {
            // Expired (the computer slept): the next post will fail and Web Chat says so.
          }
        );
      }, delay);
    }
    scheduleRenewal();

    function post(activity) {
      var body = Object.assign({}, activity, { conversation: { id: conversationId } });
      return fetch(endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session.token },
        body: JSON.stringify(body)
      }).then(function (response) {
        if (response.status === 401) connectionStatus$.next(ConnectionStatus.ExpiredToken);
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      });
    }

    function deliver(activities) {
      (activities || []).forEach(function (activity) {
        // A question passed on to HR: the page keeps the claim that fetches the reply later.
        var claim = activity.channelData && activity.channelData.ticketClaim;
        if (typeof claim === 'string') rememberClaim(claim);
        activity$.next(activity);
      });
    }

    // HR replies to the questions this browser passed on, shown as bot messages; their claims are then dropped.
    function checkReplies() {
      var claims = storedClaims();
      if (claims.length === 0) return Promise.resolve(0);
      return fetch(endpoint + '/replies', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session.token },
        body: JSON.stringify({ claims: claims })
      })
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        })
        .then(function (result) {
          (result.activities || []).forEach(function (activity) {
            activity$.next(Object.assign({}, activity, { conversation: { id: conversationId }, timestamp: new Date().toISOString() }));
          });
          forgetClaims(result.answered || []);
          return (result.activities || []).length;
        });
    }

    function start() {
      if (started) return;
      started = true;
      post({ type: 'conversationUpdate', from: { id: userId, role: 'user' } }).then(
        function (result) {
          deliver(result.activities);
          // HR's replies waiting since the last visit: asked once Web Chat shows activities, so none is
          // delivered before anyone listens (their claims are forgotten once shown).
          checkReplies().catch(function () {
            // Not reachable right now: the check every minute will ask again.
          });
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
        global.clearTimeout(renewal);
        connectionStatus$.next(ConnectionStatus.Ended);
      },
      checkReplies: checkReplies,
      getSessionId: function () {
        return fromPromise(function () {
          return Promise.resolve(conversationId);
        });
      }
    };
  }

  /** Starts a session on the server; resolves with { token, conversationId, userId, expiresAt }. */
  global.startWebChatSession = function () {
    return requestSession(undefined);
  };
  global.createSameOriginDirectLine = createSameOriginDirectLine;
})(window);
