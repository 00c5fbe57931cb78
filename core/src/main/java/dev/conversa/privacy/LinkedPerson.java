package dev.conversa.privacy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.internal.privacy.KeyedHash;
import dev.conversa.internal.privacy.LinkedIdentities;
import dev.conversa.internal.privacy.LinkedIdentities.ChannelId;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.store.Stores;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One person as the stores can link them ({@link LinkedIdentities}, which the send gate's
 * consent check uses too), with what erasure and export derive from it: conversations, the keys
 * of events not yet processed, the ledger's keys. Not thread-safe: a value of one call.
 */
final class LinkedPerson {

    /** Every id of the person: channel ids and phone digits. */
    final Set<String> ids = new LinkedHashSet<>();
    /** The person's ids per channel: their contacts, and conversations added by the caller. */
    final Set<ChannelId> channelIds = new LinkedHashSet<>();
    /** Phone numbers as E.164 digits. */
    final Set<String> phones = new LinkedHashSet<>();
    /** User names in lower case, without {@code @}. */
    final Set<String> usernames = new LinkedHashSet<>();

    private LinkedPerson() {}

    /**
     * Links the identities of the person an identifier names.
     *
     * @param stores the stores searched
     * @param tenant the business
     * @param identifier a phone number, user name or channel id, already stripped
     * @return the person; with no channel ids when the stores know nobody by it
     */
    static LinkedPerson link(Stores stores, TenantId tenant, String identifier) {
        LinkedIdentities.Person linked = LinkedIdentities.link(stores.contacts(), tenant, identifier);
        LinkedPerson person = new LinkedPerson();
        person.ids.addAll(linked.ids());
        person.channelIds.addAll(linked.channelIds());
        person.phones.addAll(linked.phones());
        person.usernames.addAll(linked.usernames());
        return person;
    }

    /**
     * The tenant's conversations with one of the person's ids.
     *
     * @param stores the stores
     * @param tenant the business
     * @return the conversations, most recently updated first
     */
    List<Conversation> conversations(Stores stores, TenantId tenant) {
        return stores.conversations().list(tenant, Optional.empty(), Integer.MAX_VALUE).stream()
                .filter(c -> ids.contains(c.key().contactId())).toList();
    }

    /**
     * The conversation keys of every registered account of the tenant with every id of the
     * person that are not among {@code known}: where events not yet processed (no conversation
     * yet) may be kept.
     *
     * @param stores the stores
     * @param tenant the business
     * @param known the keys already handled
     * @return the other keys
     */
    Set<ConversationKey> otherKeys(Stores stores, TenantId tenant, Set<ConversationKey> known) {
        Set<ConversationKey> keys = new LinkedHashSet<>();
        for (ChannelAccount account : stores.accounts().list(tenant)) {
            for (String id : ids) {
                ConversationKey key = new ConversationKey(account.channel(), account.accountId(), id);
                if (!known.contains(key)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** The ids, phone numbers and user names: what names the person in free text. */
    Set<String> terms() {
        Set<String> terms = new LinkedHashSet<>(ids);
        terms.addAll(phones);
        terms.addAll(usernames);
        return terms;
    }

    /**
     * The typed keys the ledger keeps for this person.
     *
     * @param identifier the identifier the person was looked up by
     * @return the keys, before hashing
     */
    Set<String> keys(String identifier) {
        Set<String> keys = new TreeSet<>();
        keys.add(KeyedHash.canonicalKey(identifier));
        ids.forEach(id -> keys.add(KeyedHash.idKey(id)));
        phones.forEach(phone -> keys.add(KeyedHash.phoneKey(phone)));
        usernames.forEach(name -> keys.add(KeyedHash.userKey(name)));
        return keys;
    }

    /** The channel ids per channel. */
    Map<ChannelType, Set<String>> identities() {
        Map<ChannelType, Set<String>> byChannel = new HashMap<>();
        channelIds.forEach(id -> byChannel.computeIfAbsent(id.channel(), c -> new TreeSet<>()).add(id.id()));
        return byChannel;
    }
}
