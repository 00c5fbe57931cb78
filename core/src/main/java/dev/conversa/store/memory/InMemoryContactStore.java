package dev.conversa.store.memory;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Contact;
import dev.conversa.model.TenantId;
import dev.conversa.store.ContactStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Contacts keyed by tenant, channel and external id. */
final class InMemoryContactStore implements ContactStore {


    private final Map<ContactKey, Contact> contacts = new HashMap<>();
    private final Map<ContactKey, Set<String>> formerIds = new HashMap<>();

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
        contacts.put(key, merged);
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
        return contacts.values().stream()
                .filter(c -> c.tenant().equals(tenant))
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
        contacts.put(key, new Contact(contact.tenant(), contact.channel(), contact.externalId(), contact.name(),
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
        formerIds.remove(key(tenant, channel, externalId));
        return contacts.remove(key(tenant, channel, externalId)) != null;
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
}
