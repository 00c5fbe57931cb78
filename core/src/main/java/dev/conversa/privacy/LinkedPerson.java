package dev.conversa.privacy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.internal.privacy.KeyedHash;
import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Contact;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.store.Stores;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One person as the stores can link them, shared by erasure and export so both find the same
 * identities: the identifier's readings (a phone number by its digits, a user name without
 * {@code @} in any case, a channel id), then the closure over the contacts sharing one of their
 * ids, phone numbers or user names, on every channel of the tenant. Not thread-safe: a value of
 * one call.
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
        LinkedPerson person = new LinkedPerson();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(identifier);
        if (identifier.startsWith("@")) {
            pending.add(identifier.substring(1));
        } else {
            person.ids.add(identifier);
        }
        StoreArguments.phoneDigitsOf(identifier).filter(d -> !d.isEmpty()).ifPresent(digits -> {
            person.phones.add(digits);
            person.ids.add(digits);
        });
        Set<String> asked = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            String term = pending.poll();
            if (!asked.add(term)) {
                continue;
            }
            for (Contact contact : stores.contacts().findByIdentifier(tenant, term)) {
                if (!person.channelIds.add(new ChannelId(contact.channel(), contact.externalId()))) {
                    continue;
                }
                person.ids.add(contact.externalId());
                pending.add(contact.externalId());
                contact.phoneNumber().map(StoreArguments::phoneDigits).filter(d -> !d.isEmpty()).ifPresent(d -> {
                    person.phones.add(d);
                    person.ids.add(d);
                    pending.add(d);
                });
                contact.username().map(u -> u.toLowerCase(Locale.ROOT)).ifPresent(u -> {
                    person.usernames.add(u);
                    pending.add(u);
                });
            }
        }
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

    /** A person's id on one channel. */
    record ChannelId(ChannelType channel, String id) {}
}
