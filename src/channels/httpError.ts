/**
 * HTTP errors of the bot server and the bodies sent for them: short JSON, never a stack trace.
 */
import { AssistantError } from '../errors.js';

/**
 * What the server answers for each failure, in one place (tests import it too): short French
 * sentences, the same language as the page, never a stack trace or a library's own message.
 * These are protocol answers to programs (the page's script, Teams' service); what the bot says in
 * a conversation lives in dialogs/.
 */
export const HTTP_ERROR_MESSAGES = Object.freeze({
  badRequest: 'Requête invalide.',
  badJson: 'Le corps de la requête n’est pas un JSON valide.',
  tooLarge: 'Le corps de la requête est trop volumineux.',
  notAnActivity: 'Le corps de la requête doit être un objet JSON décrivant une activité.',
  missingType: 'L’activité n’a pas de type.',
  missingChannel: 'L’activité n’a pas de channelId.',
  missingConversation: 'L’activité n’a pas de conversation.id.',
  missingFrom: 'L’activité n’a pas de from.id.',
  missingRecipient: 'L’activité n’a pas de recipient.id.',
  malformedId: 'Un identifiant de l’activité n’est pas un texte bien formé.',
  idTooLong: 'Un identifiant de l’activité est trop long.',
  missingServiceUrl: 'L’activité n’a pas de serviceUrl http(s) où envoyer les réponses (ni deliveryMode expectReplies).',
  serviceUrlNotAllowed: 'Le serviceUrl de l’activité n’est pas un hôte autorisé.',
  invalidActivity: 'L’activité ne suit pas le schéma Activity.',
  unauthorized: 'Authentification requise : jeton absent ou invalide.',
  hrNotAllowed: 'Votre compte n’a pas accès au tableau de bord RH.',
  hrDatabaseUnavailable: 'La base des statistiques et des tickets est indisponible pour le moment.',
  ticketNotFound: 'Ce ticket n’existe pas ou est déjà clos.',
  emptyReply: 'La réponse est vide.',
  crossOrigin: 'Les requêtes d’une autre origine ne sont pas acceptées.',
  hostNotAllowed: 'Ce nom d’hôte n’est pas autorisé.',
  sessionRequired: 'Session de discussion absente ou expirée : rechargez la page.',
  sessionMismatch: 'Cette activité ne correspond pas à la session de discussion.',
  tooManyRequests: 'Trop de requêtes : merci de patienter un instant.',
  notFound: 'Page introuvable.',
  methodNotAllowed: 'Méthode non autorisée.',
  notReady: 'La base de connaissances n’est pas encore chargée.',
  stopping: 'Le serveur s’arrête.',
  channelUnreachable: 'Les réponses n’ont pas pu être remises au canal.',
  internal: 'Erreur interne.',
});

/** A request the server refuses or cannot serve, with the status to send. */
export class HttpError extends AssistantError {
  readonly status: number;
  /** Why, for the log only (a library's message, which host was refused…); never sent to the client. */
  readonly reason: string | undefined;

  constructor(status: number, message: string, options?: ErrorOptions & { reason?: string }) {
    super(message, options);
    this.name = 'HttpError';
    this.status = status;
    this.reason = options?.reason;
  }
}
