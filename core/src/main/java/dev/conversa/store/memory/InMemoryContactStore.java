package dev.conversa.store.memory;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Contact;
import dev.conversa.model.TenantId;
import dev.conversa.store.ContactStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Contacts keyed by tenant, channel and external id, with an index of the terms a person is
 * looked up by (ids and former ids, lowered user names, phone digits), so that
 * {@link #findByIdentifier} reads the contacts that match rather than every contact.
 */
final class InMemoryContactStore implements ContactStore {

    private final Map<ContactKey, Contact> contacts = new HashMap<>();
    private final Map<ContactKey, Set<String>> formerIds = new HashMap<>();
    private final Map<Term, Set<ContactKey>> index = new HashMap<>();

    @Override
    public synchronized Contact upsert(Contact contact) {
        Objects.requireNonNull(contact, "contact");
        ContactKey key = new ContactKey(contact.tenant(), contact.channel(), contact.externalId());
        Contact stored = contacts.get(key);
        Contact merged = stored == null ? contact : new Contact(
                contact.tenant(), contact.channel(), contact.externalId(),
                contact.name().or(stored::name),
                contact.username().or(stored::username),
                contact.phoneNumber().or(stored::phoneNumber),
                stored.firstSeen());
        put(key, merged);
        return merged;
    }

    @Override
    public synchronized Optional<Contact> find(TenantId tenant, ChannelType channel, String externalId) {
        return Optional.ofNullable(contacts.get(key(tenant, channel, externalId)));
    }

    @Override
    public synchronized List<Contact> findByIdentifier(TenantId tenant, String identifier) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(identifier, "identifier");
        Optional<String> phoneDigits = StoreArguments.phoneDigitsOf(identifier);
        Set<ContactKey> candidates = new HashSet<>();
        candidates.addAll(index.getOrDefault(Term.id(tenant, identifier), Set.of()));
        candidates.addAll(index.getOrDefault(Term.username(tenant, StoreArguments.usernameOf(identifier)), Set.of()));
        phoneDigits.ifPresent(digits -> {
            candidates.addAll(index.getOrDefault(Term.id(tenant, digits), Set.of()));
            candidates.addAll(index.getOrDefault(Term.phone(tenant, digits), Set.of()));
        });
        return candidates.stream()
                .map(contacts::get)
                .filter(Objects::nonNull)
                .filter(c -> matches(c, identifier, phoneDigits) || wasKnownAs(c, identifier, phoneDigits))
                .sorted(Comparator.comparing((Contact c) -> c.channel().value()).thenComparing(Contact::externalId))
                .toList();
    }

    @Override
    public synchronized void link(TenantId tenant, ChannelType channel, String externalId, String formerId) {
        Objects.requireNonNull(formerId, "formerId");
        ContactKey key = key(tenant, channel, externalId);
        if (!formerId.equals(externalId)) {
            formerIds.computeIfAbsent(key, k -> new HashSet<>()).add(formerId);
            index(Term.id(tenant, formerId), key);
        }
    }

    @Override
    public synchronized List<String> formerIds(TenantId tenant, ChannelType channel, String externalId) {
        return formerIds.getOrDefault(key(tenant, channel, externalId), Set.of()).stream().sorted().toList();
    }

    @Override
    public synchronized boolean replace(Contact contact) {
        Objects.requireNonNull(contact, "contact");
        ContactKey key = new ContactKey(contact.tenant(), contact.channel(), contact.externalId());
        Contact stored = contacts.get(key);
        if (stored == null) {
            return false;
        }
        put(key, new Contact(contact.tenant(), contact.channel(), contact.externalId(), contact.name(),
                contact.username(), contact.phoneNumber(), stored.firstSeen()));
        return true;
    }

    @Override
    public synchronized List<Contact> list(TenantId tenant, int offset, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        StoreArguments.requireLimit(offset);
        StoreArguments.requireLimit(limit);
        return contacts.values().stream()
                .filter(c -> c.tenant().equals(tenant))
                .sorted(Comparator.comparing((Contact c) -> c.channel().value()).thenComparing(Contact::externalId))
                .skip(offset)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean delete(TenantId tenant, ChannelType channel, String externalId) {
        ContactKey key = key(tenant, channel, externalId);
        for (String former : formerIds.getOrDefault(key, Set.of())) {
            unindex(Term.id(tenant, former), key);
        }
        formerIds.remove(key);
        Contact removed = contacts.remove(key);
        if (removed != null) {
            terms(removed).forEach(term -> unindex(term, key));
        }
        return removed != null;
    }

    /**
     * Stores a contact, indexing its new terms and forgetting the ones it no longer has (its
     * former ids are indexed by {@link #link}, stored or not).
     */
    private void put(ContactKey key, Contact contact) {
        Contact old = contacts.put(key, contact);
        if (old != null) {
            terms(old).forEach(term -> unindex(term, key));
        }
        terms(contact).forEach(term -> index(term, key));
    }

    private void index(Term term, ContactKey key) {
        index.computeIfAbsent(term, t -> new HashSet<>()).add(key);
    }

    private void unindex(Term term, ContactKey key) {
        Set<ContactKey> keys = index.get(term);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            index.remove(term);
        }
    }

    /** What a contact is found by, besides its former ids. */
    private static List<Term> terms(Contact contact) {
        List<Term> terms = new ArrayList<>(3);
        terms.add(Term.id(contact.tenant(), contact.externalId()));
        contact.username().ifPresent(name -> terms.add(Term.username(contact.tenant(), name)));
        contact.phoneNumber()
                .ifPresent(phone -> terms.add(Term.phone(contact.tenant(), StoreArguments.phoneDigits(phone))));
        return terms;
    }

    private boolean wasKnownAs(Contact contact, String identifier, Optional<String> phoneDigits) {
        Set<String> former = formerIds.getOrDefault(
                new ContactKey(contact.tenant(), contact.channel(), contact.externalId()), Set.of());
        return former.contains(identifier) || phoneDigits.filter(former::contains).isPresent();
    }

    private static boolean matches(Contact contact, String identifier, Optional<String> phoneDigits) {
        String username = StoreArguments.usernameOf(identifier);
        if (contact.externalId().equals(identifier)
                || contact.username().filter(stored -> stored.equalsIgnoreCase(username)).isPresent()) {
            return true;
        }
        return phoneDigits.filter(d -> d.equals(contact.externalId())
                || contact.phoneNumber().map(StoreArguments::phoneDigits).filter(d::equals).isPresent())
                .isPresent();
    }


    private static ContactKey key(TenantId tenant, ChannelType channel, String externalId) {
        return new ContactKey(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(channel, "channel"),
                Objects.requireNonNull(externalId, "externalId"));
    }

    private record ContactKey(TenantId tenant, ChannelType channel, String externalId) {}

    /** One way to look a contact up: an id (current or former), a lowered user name, phone digits. */
    private record Term(TenantId tenant, String value) {

        static Term id(TenantId tenant, String id) {
            return new Term(tenant, "id:" + id);
        }

        static Term username(TenantId tenant, String username) {
            return new Term(tenant, "user:" + username.toLowerCase(Locale.ROOT));
        }

        static Term phone(TenantId tenant, String digits) {
            return new Term(tenant, "phone:" + digits);
        }
    }
}
