package dev.conversa.internal.store;

import dev.conversa.store.SenderTurn;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's responder turns in one window of the turn budget, as the stores keep them, with
 * the rules every store applies when a turn is asked for ({@code ConversationStore.takeTurn}) and
 * when a tenant's turns are granted ({@code grantTenantTurns}).
 *
 * <p><b>Internal:</b> public only because the in-memory and JDBC stores share it. Immutable.
 *
 * @param window the start of the window the count belongs to
 * @param count the turns counted in it
 * @param noticed whether the customer was told of a refusal in it
 */
public record TurnCount(Instant window, int count, boolean noticed) {

    /** Checks the window is present. */
    public TurnCount {
        Objects.requireNonNull(window, "window");
    }

    /**
     * The count a turn of {@code window} is taken from: the stored one when it belongs to that
     * window, else none counted yet.
     *
     * @param window the current window
     * @param stored the stored count, if any
     * @return the count to take from
     */
    public static TurnCount in(Instant window, Optional<TurnCount> stored) {
        return stored.filter(count -> count.window.equals(window)).orElseGet(() -> new TurnCount(window, 0, false));
    }

    /**
     * What taking a turn does when the customer may have {@code allowed} turns in the window.
     *
     * @param allowed the turns the customer may have, 0 when none may be taken
     * @return taken while fewer are counted, else the first refusal, then silent ones
     */
    public SenderTurn take(int allowed) {
        if (count < allowed) {
            return SenderTurn.TAKEN;
        }
        return noticed ? SenderTurn.REFUSED : SenderTurn.REFUSED_FIRST;
    }

    /**
     * The count once a turn ended in {@code outcome}.
     *
     * @param outcome what {@link #take} said
     * @return one more turn when taken, marked as told on the first refusal, else this count
     */
    public TurnCount after(SenderTurn outcome) {
        return switch (outcome) {
            case TAKEN -> new TurnCount(window, count + 1, noticed);
            case REFUSED_FIRST -> new TurnCount(window, count, true);
            case REFUSED -> this;
        };
    }

    /**
     * How many of a tenant's turns a grant hands out.
     *
     * @param wanted the turns asked for
     * @param limit the tenant's turns per window
     * @param granted the turns granted in the window so far
     * @return from 0 (all granted) to {@code wanted}
     */
    public static int grantable(int wanted, int limit, int granted) {
        return Math.max(0, Math.min(wanted, limit - granted));
    }
}
