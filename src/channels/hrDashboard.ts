/**
 * The HR dashboard at /rh, in French: unanswered questions grouped with their counts and closest
 * section, questions per article section and week (a chart), satisfaction per section, the tickets
 * inbox with reply and close, a CSV export of each table. The page and its chart library are
 * served from this server (Chart.js from node_modules) under the same Content-Security-Policy as
 * the chat page. Every route, the page and its JSON alike, is behind {@link HrAuth}.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express from 'express';
import { toCsv, type CsvTable } from '../insights/csv.js';
import type { InsightsSummary, InsightsStore } from '../insights/insightsStore.js';
import type { TicketRow } from '../insights/schema.js';
import { MAX_REPLY_LENGTH } from '../render/submitData.js';
import type { HrAuth, HrUser } from './hrAuth.js';
import { HTTP_ERROR_MESSAGES, HttpError } from './httpError.js';
import { sameOriginOnly } from './server.js';
import type { TicketDesk } from './ticketDesk.js';
import { PROJECT_ROOT } from '../projectRoot.js';

/** The dashboard's page, script and style. */
export const DASHBOARD_DIR = join(PROJECT_ROOT, 'dashboard', '/');

/** Chart.js's self-contained build, served from node_modules (no CDN). */
export const CHART_BUNDLE = join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');

/** Periods the dashboard may ask for, in days. */
const MAX_PERIOD_DAYS = 3650;
const DEFAULT_PERIOD_DAYS = 90;

/** The ticket as the dashboard shows it: everything HR needs to answer, no internal hashes. */
export function ticketView(ticket: TicketRow): Record<string, unknown> {
  return {
    id: ticket.id,
    status: ticket.status,
    createdAt: ticket.created_at,
    channel: ticket.channel,
    userName: ticket.user_name,
    userId: ticket.user_id,
    question: ticket.question,
    botAnswer: ticket.bot_answer,
    article: ticket.article,
    section: ticket.section,
    reply: ticket.reply,
    repliedBy: ticket.replied_by,
    repliedAt: ticket.replied_at,
    deliveredAt: ticket.delivered_at,
    closedAt: ticket.closed_at,
  };
}

/** The tables the CSV export offers. */
function csvTables(summary: InsightsSummary, tickets: TicketRow[]): Record<string, CsvTable> {
  return {
    'questions-sans-reponse': {
      columns: ['question', 'occurrences', 'variantes', 'theme', 'article le plus proche', 'section la plus proche', 'derniere fois'],
      rows: summary.unanswered.map((group) => [group.example, group.count, group.variants.join(' | '), group.topic, group.closestArticle, group.closestSection, group.lastAt]),
    },
    'questions-par-section': {
      columns: ['article', 'section', 'questions'],
      rows: summary.bySection.map((row) => [row.article, row.section, row.count]),
    },
    'questions-par-semaine': {
      columns: ['semaine (lundi)', 'article', 'section', 'questions'],
      rows: summary.byWeek.map((row) => [row.week, row.article, row.section, row.count]),
    },
    satisfaction: {
      columns: ['article', 'section', 'utile', 'pas utile'],
      rows: summary.satisfaction.map((row) => [row.article, row.section, row.up, row.down]),
    },
    tickets: {
      columns: ['cree le', 'statut', 'canal', 'nom', 'identifiant', 'question', 'reponse de l assistant', 'reponse RH', 'repondu par', 'repondu le', 'clos le'],
      rows: tickets.map((ticket) => [ticket.created_at, ticket.status, ticket.channel, ticket.user_name, ticket.user_id, ticket.question, ticket.bot_answer, ticket.reply, ticket.replied_by, ticket.replied_at, ticket.closed_at]),
    },
  };
}

/** What the dashboard needs. */
export interface HrDashboardOptions {
  auth: HrAuth;
  store: () => InsightsStore | null;
  tickets: TicketDesk;
  /** How the responder is named to the employee when the dashboard has no name (HTTP Basic). */
  teamName: () => string;
  now?: () => Date;
}

/** The /rh router. */
export function hrDashboard(options: HrDashboardOptions): express.Router {
  const { auth } = options;
  const router = express.Router({ strict: false });
  const json = express.json({ limit: '20kb' });
  const store = (): InsightsStore => {
    const current = options.store();
    if (!current) throw new HttpError(503, HTTP_ERROR_MESSAGES.hrDatabaseUnavailable);
    return current;
  };
  const since = (request: express.Request): string => {
    const days = Math.min(MAX_PERIOD_DAYS, Math.max(1, Number.parseInt(String(request.query.days ?? DEFAULT_PERIOD_DAYS), 10) || DEFAULT_PERIOD_DAYS));
    return new Date((options.now?.() ?? new Date()).getTime() - days * 86_400_000).toISOString();
  };
  const responder = (user: HrUser | undefined): string => (user && user.name !== 'rh' ? user.name : options.teamName());

  const rh = express.Router();
  auth.routes(rh);
  rh.use(auth.require);
  rh.use((_request, response, next) => {
    // Personal data: never cached by a browser or a proxy.
    response.set('Cache-Control', 'no-store');
    next();
  });
  rh.get('/', (request, response, next) => {
    // `/rh` → `/rh/`, so the page's relative URLs resolve under /rh/.
    if (!request.originalUrl.split('?')[0]!.endsWith('/')) {
      response.redirect(301, '/rh/');
      return;
    }
    response.sendFile(join(DASHBOARD_DIR, 'index.html'), (error) => error && next(error));
  });
  rh.get('/rh.js', (_request, response) => response.type('application/javascript').sendFile(join(DASHBOARD_DIR, 'rh.js')));
  rh.get('/rh.css', (_request, response) => response.type('text/css').sendFile(join(DASHBOARD_DIR, 'rh.css')));
  rh.get('/vendor/chart.umd.min.js', (_request, response) => response.type('application/javascript').sendFile(CHART_BUNDLE));

  rh.get('/api/summary', async (request, response) => {
    response.json(await store().summary(since(request)));
  });
  rh.get('/api/tickets', async (request, response) => {
    const status = String(request.query.status ?? '');
    const tickets = await store().tickets(['open', 'answered', 'closed', 'all'].includes(status) ? { status: status as 'all' } : {});
    response.json({ tickets: tickets.map(ticketView), user: response.locals.hrUser ?? null });
  });
  rh.post('/api/tickets/:id/reply', sameOriginOnly, json, async (request, response) => {
    const text = typeof request.body?.text === 'string' ? request.body.text.trim() : '';
    if (text === '' || text.length > MAX_REPLY_LENGTH) throw new HttpError(400, HTTP_ERROR_MESSAGES.emptyReply);
    store();
    const ticket = await options.tickets.reply(String(request.params.id), text, responder(response.locals.hrUser as HrUser | undefined));
    if (!ticket) throw new HttpError(404, HTTP_ERROR_MESSAGES.ticketNotFound);
    response.json({ ticket: ticketView(ticket) });
  });
  rh.post('/api/tickets/:id/close', sameOriginOnly, async (request, response) => {
    store();
    const ticket = await options.tickets.close(String(request.params.id));
    if (!ticket) throw new HttpError(404, HTTP_ERROR_MESSAGES.ticketNotFound);
    response.json({ ticket: ticketView(ticket) });
  });
  rh.get('/api/export/:table.csv', async (request, response) => {
    const [summary, tickets] = await Promise.all([store().summary(since(request)), store().tickets({ status: 'all', limit: 10_000 })]);
    const table = csvTables(summary, tickets)[String(request.params.table)];
    if (!table) throw new HttpError(404, HTTP_ERROR_MESSAGES.notFound);
    response
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${String(request.params.table)}.csv"`)
      .send(toCsv(table));
  });
  router.use('/rh', rh);
  return router;
}
