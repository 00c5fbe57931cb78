package dev.conversa;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.model.MessageTemplate;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.SendingLimit;
import dev.conversa.model.Template;
import dev.conversa.model.TemplateComponent;
import dev.conversa.model.TenantId;
import dev.conversa.store.AccountStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the channel said about the sending account's business account, checked before any
 * request: its sending limit (a ban stops everything, a restriction templates or replies, until
 * it ends) and, for a template, the template catalogue. A template is refused when the catalogue
 * is known (not empty) and does not hold it by name and language, when it is not
 * {@value MessageTemplate#APPROVED}, or when its body takes another number of parameters than the
 * message gives (when the count is known). An account that names no business account, or whose
 * catalogue was never read, is not checked. Reasons name the template, never the message's
 * values.
 */
final class TemplateCheck {

    private TemplateCheck() {
    }

    /**
     * Why the message must not go now, from the account's sending limit and template catalogue.
     *
     * @param accounts the store of limits and catalogues
     * @param tenant the business
     * @param account the sending account
     * @param message the message
     * @param now the current time
     * @return the reason, or empty if it may go
     */
    static Optional<String> refusal(AccountStore accounts, TenantId tenant, ChannelAccount account,
            OutboundMessage message, Instant now) {
        Optional<String> business = account.businessAccountId();
        if (business.isEmpty()) {
            return Optional.empty();
        }
        boolean template = message.content() instanceof Template;
        Optional<SendingLimit> limit = accounts.findSendingLimit(tenant, account.channel(), business.get())
                .filter(found -> found.stops(template, now));
        if (limit.isPresent()) {
            return Optional.of("refused: " + limit.get().reason() + (template ? "; no template may go"
                    : "; no message may go") + limit.get().until().map(until -> " until " + until).orElse(""));
        }
        return template ? templateRefusal(accounts, tenant, account, business.get(), (Template) message.content())
                : Optional.empty();
    }

    private static Optional<String> templateRefusal(AccountStore accounts, TenantId tenant, ChannelAccount account,
            String business, Template template) {
        String named = "template '" + template.name() + "' (" + template.language() + ")";
        Optional<MessageTemplate> known = accounts.findTemplate(tenant, account.channel(), business, template.name(),
                template.language());
        if (known.isEmpty()) {
            if (accounts.templates(tenant, account.channel(), business).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of("refused: unknown " + named + ": business account " + business + " has no such "
                    + "template in this language (refresh the catalogue with Conversa.refreshTemplates if it is new)");
        }
        if (!known.get().isApproved()) {
            return Optional.of("refused: " + named + " is " + known.get().status() + ", not "
                    + MessageTemplate.APPROVED);
        }
        int given = bodyParameters(template.components());
        if (known.get().bodyParameters().filter(expected -> expected != given).isPresent()) {
            return Optional.of("refused: " + named + " takes " + known.get().bodyParameters().get()
                    + " body parameter(s), the message gives " + given);
        }
        return Optional.empty();
    }

    private static int bodyParameters(List<TemplateComponent> components) {
        return components.stream().filter(c -> "body".equalsIgnoreCase(c.type()))
                .mapToInt(c -> c.parameters().size()).sum();
    }
}
