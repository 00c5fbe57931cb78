package dev.conversa.internal.privacy;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Contact;
import dev.conversa.model.TenantId;
import dev.conversa.store.ContactStore;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds every identity of one person the contact store can link, within a tenant: the contacts
 * the identifier finds and, transitively, the contacts sharing one of their external ids, phone
 * numbers or user names, on every channel, and the ids each contact had before on its channel
 * (a changed number, a rotated user id: {@link ContactStore#link}), in both directions. Erasure erases them all; the send gate honours an
 * opt-out given through any of them.
 *
 * <p><b>Internal:</b> public only because the privacy package and the outbox sender share it.
 * Stateless and thread-safe.
 */
public final class LinkedIdentities {

    private LinkedIdentities() {}

    /**
     * Links a person's identities.
     *
     * @param contacts the contact store
     * @param tenant the business
     * @param identifier a phone number, a user name (with or without {@code @}) or a channel id
     * @return the linked identities; the identifier itself is among the ids unless it is a user
     *     name written with {@code @}
     */
    public static Person link(ContactStore contacts, TenantId tenant, String identifier) {
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(identifier, "identifier");
        Set<String> ids = new LinkedHashSet<>();
        Set<ChannelId> channelIds = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        Set<String> usernames = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(identifier);
        if (identifier.startsWith("@")) {
            pending.add(identifier.substring(1));
        } else {
            ids.add(identifier);
        }
        StoreArguments.phoneDigitsOf(identifier).filter(d -> !d.isEmpty()).ifPresent(digits -> {
            phones.add(digits);
            ids.add(digits);
        });
        Set<ChannelId> formerChannelIds = new LinkedHashSet<>();
        Set<String> asked = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            String term = pending.poll();
            if (!asked.add(term)) {
                continue;
            }
            for (Map.Entry<Contact, List<String>> found : contacts.findByIdentifierWithFormerIds(tenant, term)
                    .entrySet()) {
                Contact contact = found.getKey();
                if (!channelIds.add(new ChannelId(contact.channel(), contact.externalId()))) {
                    continue;
                }
                ids.add(contact.externalId());
                pending.add(contact.externalId());
                for (String former : found.getValue()) {
                    ids.add(former);
                    pending.add(former);
                    formerChannelIds.add(new ChannelId(contact.channel(), former));
                }
                contact.phoneNumber().map(StoreArguments::phoneDigits).filter(d -> !d.isEmpty()).ifPresent(d -> {
                    phones.add(d);
                    ids.add(d);
                    pending.add(d);
                });
                contact.username().map(u -> u.toLowerCase(Locale.ROOT)).ifPresent(u -> {
                    usernames.add(u);
                    pending.add(u);
                });
            }
        }
        channelIds.addAll(formerChannelIds);
        return new Person(ids, channelIds, phones, usernames);
    }

    /**
     * A person's id on one channel. {@link #toString()} leaves the id out (a phone number on
     * WhatsApp).
     *
     * @param channel the channel
     * @param id the person's id there
     */
    public record ChannelId(ChannelType channel, String id) {

        /** Checks the fields are not null. */
        public ChannelId {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String toString() {
            return "ChannelId[" + channel + "]";
        }
    }

    /**
     * What was linked to one person, in the order found. The sets are read-only.
     *
     * @param ids every external id and phone number's digits
     * @param channelIds the contacts found, by channel
     * @param phones phone numbers, as digits
     * @param usernames user names, in lower case without {@code @}
     */
    public record Person(Set<String> ids, Set<ChannelId> channelIds, Set<String> phones, Set<String> usernames) {

        /** Keeps read-only copies of the sets, in their order. */
        public Person {
            ids = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
            channelIds = Collections.unmodifiableSet(new LinkedHashSet<>(channelIds));
            phones = Collections.unmodifiableSet(new LinkedHashSet<>(phones));
            usernames = Collections.unmodifiableSet(new LinkedHashSet<>(usernames));
        }

        /** Shows how many of each were linked, never the identifiers. */
        @Override
        public String toString() {
            return "Person[" + ids.size() + " ids, " + channelIds.size() + " contacts]";
        }
    }
}
