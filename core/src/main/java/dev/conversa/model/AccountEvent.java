package dev.conversa.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The channel told the business something about its account rather than about a customer:
 * WhatsApp's account-level webhooks, addressed to the WhatsApp Business Account (a template
 * approved, rejected, paused or recategorized, its quality, the account banned, restricted,
 * reviewed or reinstated, a number's quality or display name, the account's limits).
 *
 * <p>The header's {@code accountId} and {@code contactId} are both the business account's id
 * (the WhatsApp Business Account id): no customer is concerned. Core routes the event to the
 * tenant whose registered accounts carry that id ({@code ChannelAccount.businessAccountId()}),
 * keeps the template catalogue and the sending limit up to date, and tells the host's
 * {@code AccountEventListener}.
 *
 * @param header where, which id, when
 * @param type which kind of account event
 * @param status the new state the channel reported: a template's status ({@code "REJECTED"}),
 *     its quality ({@code "YELLOW"}) or category, the account's event ({@code "ACCOUNT_RESTRICTION"}),
 *     a review's decision, a number's quality event ({@code "FLAGGED"}); the field name when
 *     the channel sent none
 * @param template the template concerned, for template events
 * @param phoneNumber the business number concerned as customers see it (digits), when the
 *     event names one
 * @param sendingLimit what the account may send from now on, when the event changes it (a ban,
 *     a restriction, a reinstatement)
 * @param alert whether the host should act: a template rejected, paused or disabled, a quality
 *     drop, a ban, restriction or violation, a rejected review or name
 * @param details other facts the channel sent, by name (reasons, previous values, limits,
 *     dates); never personal data of customers
 */
public record AccountEvent(
        EventHeader header, Type type, String status, Optional<TemplateRef> template, Optional<String> phoneNumber,
        Optional<SendingLimit> sendingLimit, boolean alert, Map<String, String> details) implements InboundEvent {

    /** Checks the fields and copies the map. */
    public AccountEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(type, "type");
        Ids.requireId(status, "status");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(sendingLimit, "sendingLimit");
        details = Map.copyOf(details);
    }

    @Override
    public String kind() {
        return "account_event";
    }

    /**
     * The business account the event is about (the WhatsApp Business Account id).
     *
     * @return the id
     */
    public String businessAccountId() {
        return header.accountId();
    }

    /** Leaves out the details and the number. */
    @Override
    public String toString() {
        return "AccountEvent[" + type + " " + status + " of " + header.accountId() + "]";
    }

    /**
     * A template an event is about.
     *
     * @param name the template's name
     * @param language its language code
     * @param id the channel's id of the template, when sent
     */
    public record TemplateRef(String name, String language, Optional<String> id) {

        /** Checks the fields. */
        public TemplateRef {
            Ids.requireId(name, "name");
            Ids.requireId(language, "language");
            Objects.requireNonNull(id, "id");
        }
    }

    /** The kinds of account event, each with the webhook field that carries it. */
    public enum Type {
        /** A template's status changed ({@code message_template_status_update}). */
        TEMPLATE_STATUS("message_template_status_update"),
        /** A template's quality changed ({@code message_template_quality_update}). */
        TEMPLATE_QUALITY("message_template_quality_update"),
        /** A template's category changed ({@code template_category_update}). */
        TEMPLATE_CATEGORY("template_category_update"),
        /** The account was banned, restricted, reinstated, verified, ... ({@code account_update}). */
        ACCOUNT("account_update"),
        /** The account's review ended ({@code account_review_update}). */
        ACCOUNT_REVIEW("account_review_update"),
        /** A number's quality or messaging limit changed ({@code phone_number_quality_update}). */
        PHONE_NUMBER_QUALITY("phone_number_quality_update"),
        /** A number's display name was decided ({@code phone_number_name_update}). */
        PHONE_NUMBER_NAME("phone_number_name_update"),
        /** The account's limits changed ({@code business_capability_update}). */
        BUSINESS_CAPABILITY("business_capability_update");

        private final String field;

        Type(String field) {
            this.field = field;
        }

        /**
         * The webhook field that carries this kind.
         *
         * @return the field name
         */
        public String field() {
            return field;
        }

        /**
         * The kind a webhook field carries.
         *
         * @param field the field name
         * @return the kind, empty for any other field
         */
        public static Optional<Type> ofField(String field) {
            for (Type type : values()) {
                if (type.field.equals(field)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }
}
