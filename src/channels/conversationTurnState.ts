/**
 * The SDK's TurnState with a declared conversation scope, so handlers read `state.conversation`
 * as a typed value instead of string paths. The SDK loads and saves it through the Storage.
 */
import { TurnState } from '@microsoft/agents-hosting';
import type { ConversationState } from '../conversation/conversationState.js';

/** What the SDK stores under the conversation key: our state, plus the storage's own eTag. */
export type StoredConversationState = Partial<ConversationState> & { eTag?: string };

/** Turn state of the assistant: the conversation scope holds a {@link ConversationState}. */
export class ConversationTurnState extends TurnState<StoredConversationState> {}
