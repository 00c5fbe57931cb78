package dev.conversa.privacy;

import dev.conversa.internal.privacy.KeyedHash;
import dev.conversa.internal.privacy.LinkedIdentities.ChannelId;
import dev.conversa.model.Contact;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.DeletionRequest;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers everything the stores hold about one person, found as erasure finds them
 * ({@link LinkedPerson}), and records the export in the audit log under a keyed hash. Thread-safe
 * (stateless between calls).
 */
final class PersonExporter {

    private static final Logger LOG = LoggerFactory.getLogger(PersonExporter.class);
    private static final Comparator<ConversationKey> BY_KEY = Comparator
            .comparing((ConversationKey key) -> key.channel().value())
            .thenComparing(ConversationKey::accountId).thenComparing(ConversationKey::contactId);

    private final Stores stores;
    private final KeyedHash hash;
    private final Clock clock;

    PersonExporter(Stores stores, KeyedHash hash, Clock clock) {
        this.stores = stores;
        this.hash = hash;
        this.clock = clock;
    }

    PersonalDataExport export(TenantId tenant, String identifier) {
        Instant now = clock.instant();
        String identifierHash = hash.hash(KeyedHash.canonicalKey(identifier));
        LinkedPerson person = LinkedPerson.link(stores, tenant, identifier.strip());
        List<Conversation> conversations = new ArrayList<>(person.conversations(stores, tenant));
        conversations.sort(Comparator.comparing(Conversation::key, BY_KEY));
        Set<ConversationKey> keys = new LinkedHashSet<>();
        conversations.forEach(c -> keys.add(c.key()));
        conversations.forEach(c -> person.channelIds.add(new ChannelId(c.key().channel(),
                c.key().contactId())));
        List<ConversationKey> messageKeys = new ArrayList<>(keys);
        messageKeys.addAll(person.otherKeys(stores, tenant, keys));
        messageKeys.sort(BY_KEY);
        List<MessageRecord> messages = new ArrayList<>();
        for (ConversationKey key : messageKeys) {
            List<MessageRecord> history = stores.messages().history(tenant, key, Integer.MAX_VALUE);
            messages.addAll(history);
            if (!history.isEmpty() && !keys.contains(key)) {
                person.channelIds.add(new ChannelId(key.channel(), key.contactId()));
            }
        }
        List<Contact> contacts = new ArrayList<>();
        List<ConsentRecord> consents = new ArrayList<>();
        for (ChannelId id : sorted(person.channelIds)) {
            stores.contacts().find(tenant, id.channel(), id.id()).ifPresent(contacts::add);
            consents.addAll(stores.consents().list(tenant, id.channel(), id.id()));
        }
        PersonalDataExport export = new PersonalDataExport(tenant, identifierHash, now, person.identities(),
                contacts, conversations, messages, consents, deletionRequests(tenant, identifier.strip(), person));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("identifierHash", identifierHash);
        export.counts().forEach((name, count) -> details.put(name, String.valueOf(count)));
        stores.audit().record(new AuditEvent(tenant, now, Privacy.EXPORT_ACTION, details));
        LOG.info("Exported a person's data in tenant {} (identifier hash {}): {}", tenant, identifierHash,
                export.counts());
        return export;
    }

    /**
     * The requests whose subject is one of the person's identifiers as a host or Meta would
     * write it: an id, a phone number with or without {@code +}, a user name with or without
     * {@code @}, or the identifier as given.
     */
    private List<DeletionRequest> deletionRequests(TenantId tenant, String identifier, LinkedPerson person) {
        Set<String> subjects = new LinkedHashSet<>();
        subjects.add(identifier);
        subjects.addAll(person.ids);
        person.phones.forEach(phone -> subjects.add("+" + phone));
        person.usernames.forEach(name -> {
            subjects.add(name);
            subjects.add("@" + name);
        });
        Map<String, DeletionRequest> byCode = new LinkedHashMap<>();
        for (String subject : subjects) {
            stores.deletionRequests().listBySubject(tenant, subject)
                    .forEach(request -> byCode.putIfAbsent(request.confirmationCode(), request));
        }
        return byCode.values().stream().sorted(Comparator.comparing(DeletionRequest::requestedAt)
                .thenComparing(DeletionRequest::confirmationCode)).toList();
    }

    private static List<ChannelId> sorted(Set<ChannelId> ids) {
        return ids.stream().sorted(Comparator.comparing((ChannelId id) -> id.channel().value())
                .thenComparing(ChannelId::id)).toList();
    }
}
