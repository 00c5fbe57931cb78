package dev.conversa.pipeline;

import dev.conversa.conversation.StateChange;
import dev.conversa.internal.state.StateNotifier;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationState;
import dev.conversa.model.Echo;
import dev.conversa.model.Handover;
import dev.conversa.model.InboundEvent;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Step#OWNERSHIP}: decides who answers, persisted on the conversation.
 *
 * <ul>
 *   <li>An echo of a message the business sent from elsewhere (not one of ours: not in the
 *       history as ours, not carrying {@link Pipeline#ECHO_METADATA} and not sent by our Meta app)
 *       gives the conversation to a person ({@code WITH_AGENT}).
 *   <li>A handover event while another app holds the thread ({@code STANDBY}) gives it to a
 *       person; {@code PASS} or {@code TAKE} give it to the bot when the new owner is our app,
 *       otherwise to a person. Without a configured app id, Meta's delivery rule decides: the
 *       app receiving control gets {@code PASS}, the app losing it gets {@code TAKE}.
 * </ul>
 */
final class OwnershipStep implements Middleware {

    private final Stores stores;
    private final ConversationUpdates updates;
    private final Clock clock;
    private final OwnEchoes ownEchoes;

    private final StateNotifier notifier;

    OwnershipStep(Stores stores, Clock clock, OwnEchoes ownEchoes, StateNotifier notifier) {
        this.notifier = notifier;
        this.stores = stores;
        this.updates = new ConversationUpdates(stores.conversations());
        this.clock = clock;
        this.ownEchoes = ownEchoes;
    }

    @Override
    public void handle(Context ctx, Chain next) throws Exception {
        Optional<ConversationState> newState = ctx.event().flatMap(event -> decide(ctx, event));
        if (newState.isPresent()) {
            moveTo(ctx, newState.get());
        }
        next.proceed(ctx);
    }

    private Optional<ConversationState> decide(Context ctx, InboundEvent event) {
        if (event instanceof Echo echo && isFromElsewhere(ctx, echo)) {
            return Optional.of(ConversationState.WITH_AGENT);
        }
        if (event instanceof Handover handover) {
            return decideHandover(handover);
        }
        return Optional.empty();
    }

    private boolean isFromElsewhere(Context ctx, Echo echo) {
        return !ctx.attribute(OwnEchoes.OURS)
                .orElseGet(() -> ownEchoes.isOurs(ctx.tenant(), echo, stores.messages(), stores.outbox()));
    }

    private Optional<ConversationState> decideHandover(Handover handover) {
        Handover.Action action = handover.action();
        if (action == Handover.Action.STANDBY) {
            return Optional.of(ConversationState.WITH_AGENT);
        }
        if (action != Handover.Action.PASS && action != Handover.Action.TAKE) {
            return Optional.empty();
        }
        Optional<String> appId = ownEchoes.appId();
        boolean toUs = appId.isPresent() && handover.newOwnerAppId().isPresent()
                ? appId.equals(handover.newOwnerAppId())
                : action == Handover.Action.PASS;
        return Optional.of(toUs ? ConversationState.BOT : ConversationState.WITH_AGENT);
    }

    private void moveTo(Context ctx, ConversationState state) {
        Instant now = clock.instant();
        Conversation before = stores.conversations().getOrOpen(ctx.tenant(), ctx.conversationKey(), now);
        if (before.state() == state) {
            return;
        }
        updates.apply(ctx.tenant(), ctx.conversationKey(), now, current -> current.state() == state
                ? current
                : current.withState(state, now).withReplyDue(Optional.empty(), Optional.empty(), now));
        stores.audit().record(new AuditEvent(ctx.tenant(), now, "ownership", Map.of(
                "from", before.state().name(), "to", state.name(), "cause", ctx.event().get().kind())));
        notifier.changed(ctx.tenant(), ctx.conversationKey(), before.state(), state, StateChange.Origin.CHANNEL);
    }
}
