package dev.conversa;

import dev.conversa.model.ChannelType;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.privacy.ErasureReport;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Erases what a disconnected business account left behind: its conversations with their
 * messages and queued work, and the contacts (with their consent records) who wrote to no other
 * account of the tenant on that channel. The audit log keeps counts only.
 */
final class AccountErasure {

    private final Stores stores;
    private final Clock clock;

    AccountErasure(Stores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /** Erases and returns the counts: {@value ErasureReport#CONVERSATIONS} and {@value ErasureReport#CONTACTS}. */
    Map<String, Integer> erase(TenantId tenant, ChannelType channel, String accountId) {
        List<Conversation> all = stores.conversations().list(tenant, Optional.empty(), Integer.MAX_VALUE);
        int conversations = 0;
        int contacts = 0;
        for (Conversation conversation : all) {
            ConversationKey key = conversation.key();
            if (!key.channel().equals(channel) || !key.accountId().equals(accountId)) {
                continue;
            }
            stores.inbox().deleteConversation(tenant, key);
            stores.outbox().deleteConversation(tenant, key);
            stores.messages().deleteConversation(tenant, key);
            stores.conversations().delete(tenant, key);
            conversations++;
            if (writesToNoOtherAccount(all, key) && stores.contacts().delete(tenant, channel, key.contactId())) {
                stores.consents().delete(tenant, channel, key.contactId());
                contacts++;
            }
        }
        stores.audit().record(new AuditEvent(tenant, clock.instant(), "account_erased", Map.of(
                "channel", channel.value(), "conversations", String.valueOf(conversations),
                "contacts", String.valueOf(contacts))));
        return Map.of(ErasureReport.CONVERSATIONS, conversations, ErasureReport.CONTACTS, contacts);
    }

    private static boolean writesToNoOtherAccount(List<Conversation> all, ConversationKey erased) {
        return all.stream().map(Conversation::key).noneMatch(other -> other.channel().equals(erased.channel())
                && other.contactId().equals(erased.contactId()) && !other.accountId().equals(erased.accountId()));
    }
}
