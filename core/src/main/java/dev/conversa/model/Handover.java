package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Thread control moved between apps (Messenger handover protocol), or an event seen while
 * another app holds the thread ({@link Action#STANDBY}).
 *
 * @param header where, who, which id, when
 * @param action what happened
 * @param previousOwnerAppId the app that held the thread, when known
 * @param newOwnerAppId the app that holds it now, or asked for it
 * @param metadata what the other app attached
 */
public record Handover(
        EventHeader header, Action action, Optional<String> previousOwnerAppId, Optional<String> newOwnerAppId,
        Optional<String> metadata)
        implements InboundEvent {

    /** Checks the fields are not null. */
    public Handover {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(previousOwnerAppId, "previousOwnerAppId");
        Objects.requireNonNull(newOwnerAppId, "newOwnerAppId");
        Objects.requireNonNull(metadata, "metadata");
    }

    @Override
    public String kind() {
        return "handover";
    }

    /** What happened to thread control. */
    public enum Action {
        /** Another app passed control to the new owner. */
        PASS,
        /** The primary app took control back. */
        TAKE,
        /** An app asked for control. */
        REQUEST,
        /** A message or event arrived while another app holds the thread. */
        STANDBY,
        /** App roles changed. */
        ROLES_CHANGED
    }
}
