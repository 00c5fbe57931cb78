package dev.conversa.whatsapp.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.AccountEvent;
import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import dev.conversa.model.SendingLimit;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns one account-level change of a WhatsApp Business Account (template status, quality and
 * category, account updates and reviews, a number's quality and name, the account's limits)
 * into an {@link AccountEvent}. Its header names the WhatsApp Business Account ({@code entry.id})
 * as account and contact; Meta sends no event id, so the id is derived from the field, the
 * entry's time and the value.
 *
 * <p>What it decides, in WhatsApp's terms: a ban ({@code DISABLED_UPDATE} with
 * {@code waba_ban_state} {@code DISABLE}) or a deleted account stops every send, a
 * reinstatement lifts it; a restriction of business-initiated messaging stops templates and
 * one of customer-initiated messaging stops replies, until its expiration. Alerts: a template
 * rejected, paused, disabled, flagged or about to be deleted, a quality drop, a ban, violation
 * or restriction, a rejected review or display name, a flagged or downgraded number.
 */
final class AccountEventParser {

    private static final Set<String> TEMPLATE_ALERTS = Set.of("REJECTED", "PAUSED", "DISABLED", "FLAGGED",
            "PENDING_DELETION", "LIMIT_EXCEEDED");
    private static final Set<String> ACCOUNT_ALERTS = Set.of("ACCOUNT_VIOLATION", "ACCOUNT_RESTRICTION",
            "DISABLED_UPDATE", "ACCOUNT_DELETED", "ACCOUNT_OFFBOARDED", "PARTNER_REMOVED");
    private static final List<String> QUALITY = List.of("GREEN", "YELLOW", "RED");
    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ssxx");

    private AccountEventParser() {}

    static AccountEvent parse(AccountEvent.Type type, JsonNode entry, JsonNode value, Instant receivedAt) {
        if (value == null) {
            throw new MalformedException("missing 'value'");
        }
        String business = LenientJson.required(entry, "id");
        Optional<Instant> time = LenientJson.seconds(entry, "time");
        EventHeader header = new EventHeader(ChannelType.WHATSAPP, business, business,
                type.field() + ":" + time.map(t -> Long.toString(t.getEpochSecond())).orElse("") + ":"
                        + LenientJson.digest(value), time.orElse(receivedAt));
        Map<String, String> details = LenientJson.flatten("", value);
        Optional<String> phoneNumber = LenientJson.nonBlank(value, "display_phone_number")
                .or(() -> LenientJson.nonBlank(value, "phone_number"));
        details.remove("display_phone_number");
        details.remove("phone_number");
        Optional<AccountEvent.TemplateRef> template = template(value);
        if (template.isPresent()) {
            details.remove("message_template_name");
            details.remove("message_template_language");
            details.remove("message_template_id");
        }
        return switch (type) {
            case TEMPLATE_STATUS -> {
                String status = status(value, "event", type);
                yield new AccountEvent(header, type, status, template, phoneNumber, Optional.empty(),
                        TEMPLATE_ALERTS.contains(status), details);
            }
            case TEMPLATE_QUALITY -> {
                String status = status(value, "new_quality_score", type);
                int now = QUALITY.indexOf(status);
                int before = QUALITY.indexOf(LenientJson.nonBlank(value, "previous_quality_score").orElse(""));
                yield new AccountEvent(header, type, status, template, phoneNumber, Optional.empty(),
                        now > 0 && now > before, details);
            }
            case TEMPLATE_CATEGORY -> new AccountEvent(header, type, status(value, "new_category", type), template,
                    phoneNumber, Optional.empty(), false, details);
            case ACCOUNT -> account(header, value, phoneNumber, details);
            case ACCOUNT_REVIEW -> {
                String status = status(value, "decision", type);
                yield new AccountEvent(header, type, status, template, phoneNumber, Optional.empty(),
                        "REJECTED".equals(status), details);
            }
            case PHONE_NUMBER_QUALITY -> {
                String status = status(value, "event", type);
                yield new AccountEvent(header, type, status, template, phoneNumber, Optional.empty(),
                        "FLAGGED".equals(status) || "DOWNGRADE".equals(status), details);
            }
            case PHONE_NUMBER_NAME -> {
                String status = status(value, "decision", type);
                yield new AccountEvent(header, type, status, template, phoneNumber, Optional.empty(),
                        "REJECTED".equals(status), details);
            }
            case BUSINESS_CAPABILITY -> new AccountEvent(header, type, status(value, "event", type), template,
                    phoneNumber, Optional.empty(), false, details);
        };
    }

    private static AccountEvent account(EventHeader header, JsonNode value, Optional<String> phoneNumber,
            Map<String, String> details) {
        AccountEvent.Type type = AccountEvent.Type.ACCOUNT;
        String event = status(value, "event", type);
        Optional<SendingLimit> limit = Optional.empty();
        boolean alert = ACCOUNT_ALERTS.contains(event);
        if ("DISABLED_UPDATE".equals(event)) {
            String ban = LenientJson.nonBlank(LenientJson.object(value, "ban_info"), "waba_ban_state").orElse("");
            String reason = type.field() + " DISABLED_UPDATE " + ban;
            if ("DISABLE".equals(ban)) {
                limit = Optional.of(new SendingLimit(false, false, Optional.empty(), reason
                        + ": the WhatsApp Business Account is banned"));
            } else if ("REINSTATE".equals(ban)) {
                limit = Optional.of(SendingLimit.none(reason + ": the WhatsApp Business Account is reinstated"));
                alert = false;
            }
        } else if ("ACCOUNT_DELETED".equals(event)) {
            limit = Optional.of(new SendingLimit(false, false, Optional.empty(), type.field()
                    + " ACCOUNT_DELETED: the WhatsApp Business Account was deleted"));
        } else if ("ACCOUNT_RESTRICTION".equals(event)) {
            limit = restriction(value);
        }
        return new AccountEvent(header, type, event, Optional.empty(), phoneNumber, limit, alert, details);
    }

    /** The sending part of a restriction: business-initiated stops templates, customer-initiated replies. */
    private static Optional<SendingLimit> restriction(JsonNode value) {
        boolean replies = true;
        boolean templates = true;
        Optional<Instant> until = Optional.empty();
        StringBuilder kinds = new StringBuilder();
        for (JsonNode item : LenientJson.array(value, "restriction_info")) {
            String kind = LenientJson.nonBlank(item, "restriction_type").orElse("");
            boolean stopsTemplates = "RESTRICTED_BIZ_INITIATED_MESSAGING".equals(kind);
            boolean stopsReplies = "RESTRICTED_CUSTOMER_INITIATED_MESSAGING".equals(kind);
            if (!stopsTemplates && !stopsReplies) {
                continue;
            }
            templates &= !stopsTemplates;
            replies &= !stopsReplies;
            kinds.append(' ').append(kind);
            Optional<Instant> expires = expiration(item);
            if (expires.isPresent() && (until.isEmpty() || expires.get().isAfter(until.get()))) {
                until = expires;
            }
        }
        if (replies && templates) {
            return Optional.empty();
        }
        return Optional.of(new SendingLimit(replies, templates, until, AccountEvent.Type.ACCOUNT.field()
                + " ACCOUNT_RESTRICTION" + kinds + ": the WhatsApp Business Account is restricted"
                + until.map(end -> " until " + end).orElse("")));
    }

    /** An expiration, sent as Unix seconds or as a date-time such as {@code 2026-04-19T13:59:20+0000}. */
    private static Optional<Instant> expiration(JsonNode item) {
        Optional<Instant> seconds = LenientJson.seconds(item, "expiration");
        if (seconds.isPresent()) {
            return seconds;
        }
        Optional<String> text = LenientJson.nonBlank(item, "expiration");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : List.of(OFFSET_WITHOUT_COLON, DateTimeFormatter.ISO_OFFSET_DATE_TIME)) {
            try {
                return Optional.of(OffsetDateTime.parse(text.get(), format).toInstant());
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return Optional.empty();
    }

    private static Optional<AccountEvent.TemplateRef> template(JsonNode value) {
        Optional<String> name = LenientJson.nonBlank(value, "message_template_name");
        Optional<String> language = LenientJson.nonBlank(value, "message_template_language");
        if (name.isEmpty() || language.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AccountEvent.TemplateRef(name.get(), language.get(),
                LenientJson.nonBlank(value, "message_template_id")));
    }

    private static String status(JsonNode value, String field, AccountEvent.Type type) {
        return LenientJson.nonBlank(value, field).orElse(type.field());
    }
}
