/* The HR dashboard: reads /rh/api/summary and /rh/api/tickets, draws the tables and the chart
   (Chart.js), sends replies and closings. Text is always set with textContent, never as HTML. */
(function () {
  'use strict';
  var STATUS = { open: 'À traiter', answered: 'Répondu', closed: 'Clos' };
  var CHANNELS = { msteams: 'Teams', webchat: 'Page web' };
  var dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });
  var chart;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function date(iso) {
    return iso ? dateFormat.format(new Date(iso)) : '';
  }
  function section(article, id) {
    return id ? (article ? article + ' › ' : '') + id : '—';
  }
  function period() {
    return document.getElementById('period').value;
  }
  function showError(message) {
    var box = document.getElementById('error');
    box.textContent = message;
    box.hidden = !message;
  }
  function getJson(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          throw new Error(body.error || 'Erreur ' + response.status);
        });
      }
      return response.json();
    });
  }
  function postJson(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body || {})
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) throw new Error(json.error || 'Erreur ' + response.status);
        return json;
      });
    });
  }
  function fillRows(tableId, rows) {
    var body = document.querySelector('#' + tableId + ' tbody');
    body.replaceChildren();
    rows.forEach(function (cells) {
      var tr = document.createElement('tr');
      cells.forEach(function (cell) {
        var td = cell instanceof Node ? (function () { var t = document.createElement('td'); t.appendChild(cell); return t; })() : el('td', cell);
        if (typeof cell === 'number') td.className = 'number';
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    if (rows.length === 0) {
      var empty = el('td', 'Rien pour cette période.');
      empty.colSpan = document.querySelectorAll('#' + tableId + ' thead th').length;
      var tr = document.createElement('tr');
      tr.appendChild(empty);
      body.appendChild(tr);
    }
  }

  function drawFigures(summary) {
    var count = function (kind) {
      var row = summary.byKind.find(function (entry) { return entry.kind === kind; });
      return row ? row.count : 0;
    };
    var up = 0, down = 0;
    summary.satisfaction.forEach(function (row) { up += row.up; down += row.down; });
    var open = summary.tickets.filter(function (row) { return row.status === 'open'; }).reduce(function (sum, row) { return sum + row.count; }, 0);
    var list = document.getElementById('figures');
    list.replaceChildren();
    [
      [summary.total, 'questions posées'],
      [count('fallback'), 'sans réponse'],
      [up + ' / ' + down, '👍 utiles / 👎 pas utiles'],
      [open, 'tickets à traiter']
    ].forEach(function (figure) {
      var item = el('li');
      item.appendChild(el('strong', figure[0]));
      item.appendChild(document.createTextNode(figure[1]));
      list.appendChild(item);
    });
  }

  function drawUnanswered(summary) {
    fillRows('unanswered', summary.unanswered.map(function (group) {
      var cell = document.createElement('div');
      cell.appendChild(el('div', group.example));
      if (group.variants.length > 0) cell.appendChild(el('div', 'Aussi : ' + group.variants.join(' · '), 'variants'));
      return [cell, group.count, group.topic || '—', section(group.closestArticle, group.closestSection), date(group.lastAt)];
    }));
  }

  function drawWeeks(summary) {
    fillRows('sections', summary.bySection.map(function (row) { return [row.article, row.section || '—', row.count]; }));
    var weeks = [];
    var series = {};
    summary.byWeek.forEach(function (row) {
      if (weeks.indexOf(row.week) < 0) weeks.push(row.week);
      var key = section(row.article, row.section);
      series[key] = series[key] || {};
      series[key][row.week] = row.count;
    });
    var data = {
      labels: weeks.map(function (week) { return 'sem. du ' + new Date(week + 'T00:00:00Z').toLocaleDateString('fr-FR', { day: 'numeric', month: 'short' }); }),
      datasets: Object.keys(series).map(function (key) {
        return { label: key, data: weeks.map(function (week) { return series[key][week] || 0; }) };
      })
    };
    // Kept on the canvas for tests and for anyone who wants the figures behind the chart.
    document.getElementById('weeks-chart').dataset.series = JSON.stringify(data);
    if (!window.Chart) return;
    if (chart) chart.destroy();
    chart = new window.Chart(document.getElementById('weeks-chart'), {
      type: 'bar',
      data: data,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function drawSatisfaction(summary) {
    fillRows('satisfaction', summary.satisfaction.map(function (row) {
      var total = row.up + row.down;
      return [row.article, row.section || '—', row.up, row.down, total ? Math.round((100 * row.up) / total) + ' %' : '—'];
    }));
  }

  function ticketBox(ticket) {
    var box = el('article', null, 'ticket');
    box.dataset.ticketId = ticket.id;
    box.appendChild(el('div', (ticket.userName || 'Salarié') + ' · ' + (CHANNELS[ticket.channel] || ticket.channel) + ' · ' + date(ticket.createdAt), 'meta'));
    box.appendChild(el('p', ticket.question, 'question'));
    box.appendChild(el('div', 'Réponse de l’assistant : ' + ticket.botAnswer, 'meta'));
    box.appendChild(el('div', STATUS[ticket.status] || ticket.status, 'status'));
    if (ticket.reply) {
      box.appendChild(el('p', 'Répondu par ' + ticket.repliedBy + ' le ' + date(ticket.repliedAt) + ' : ' + ticket.reply, 'reply'));
    }
    if (ticket.status !== 'closed') {
      var label = el('label', 'Votre réponse');
      var text = el('textarea');
      text.maxLength = 4000;
      label.appendChild(text);
      box.appendChild(label);
      var reply = el('button', ticket.reply ? 'Répondre à nouveau' : 'Répondre');
      reply.type = 'button';
      reply.addEventListener('click', function () {
        if (!text.value.trim()) return showError('Écrivez une réponse avant de l’envoyer.');
        reply.disabled = true;
        postJson('/rh/api/tickets/' + encodeURIComponent(ticket.id) + '/reply', { text: text.value }).then(refresh, function (error) {
          reply.disabled = false;
          showError(error.message);
        });
      });
      var close = el('button', 'Clore');
      close.type = 'button';
      close.addEventListener('click', function () {
        postJson('/rh/api/tickets/' + encodeURIComponent(ticket.id) + '/close').then(refresh, function (error) { showError(error.message); });
      });
      box.appendChild(reply);
      box.appendChild(close);
    }
    return box;
  }

  function drawTickets(result) {
    var list = document.getElementById('tickets');
    list.replaceChildren();
    if (result.tickets.length === 0) list.appendChild(el('p', 'Aucune question en attente.'));
    result.tickets.forEach(function (ticket) { list.appendChild(ticketBox(ticket)); });
  }

  function refresh() {
    showError('');
    var days = period();
    document.querySelectorAll('a[data-csv]').forEach(function (link) {
      link.href = '/rh/api/export/' + link.dataset.csv + '.csv?days=' + days;
    });
    var status = document.getElementById('show-closed').checked ? 'all' : '';
    return Promise.all([getJson('/rh/api/summary?days=' + days), getJson('/rh/api/tickets?status=' + status)]).then(
      function (results) {
        var summary = results[0];
        drawFigures(summary);
        drawUnanswered(summary);
        drawWeeks(summary);
        drawSatisfaction(summary);
        drawTickets(results[1]);
        document.body.dataset.loaded = 'true';
      },
      function (error) { showError(error.message); }
    );
  }

  document.getElementById('period').addEventListener('change', refresh);
  document.getElementById('show-closed').addEventListener('change', refresh);
  refresh();
})();
