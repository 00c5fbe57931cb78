package dev.conversa.pipeline;

import dev.conversa.conversation.internal.Ownership;
import dev.conversa.model.ConversationState;
import dev.conversa.model.Echo;
import dev.conversa.model.Handover;
import dev.conversa.model.InboundEvent;
import dev.conversa.store.Stores;
import java.util.Optional;

/**
 * {@link Step#OWNERSHIP}: decides who answers, persisted on the conversation.
 *
 * <ul>
 *   <li>An echo of a message the business sent from elsewhere (not one of ours: not in the
 *       history as ours, not carrying {@link dev.conversa.channel.EchoMarker} and not sent by our Meta app)
 *       gives the conversation to a person ({@code WITH_AGENT}).
 *   <li>A handover event while another app holds the thread ({@code STANDBY}) gives it to a
 *       person; {@code PASS} or {@code TAKE} give it to the bot when the new owner is our app,
 *       otherwise to a person. Without a configured app id, Meta's delivery rule decides: the
 *       app receiving control gets {@code PASS}, the app losing it gets {@code TAKE}.
 * </ul>
 */
final class OwnershipStep implements Middleware {

    private final Stores stores;
    private final OwnEchoes ownEchoes;
    private final Ownership ownership;

    OwnershipStep(Stores stores, OwnEchoes ownEchoes, Ownership ownership) {
        this.stores = stores;
        this.ownEchoes = ownEchoes;
        this.ownership = ownership;
    }

    @Override
    public void handle(Context ctx, Chain next) {
        Optional<ConversationState> newState = ctx.event().flatMap(event -> decide(ctx, event));
        newState.ifPresent(state -> ownership.changeByChannel(ctx.tenant(), ctx.conversationKey(), state,
                ctx.event().get().kind()));
        next.proceed();
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
}
