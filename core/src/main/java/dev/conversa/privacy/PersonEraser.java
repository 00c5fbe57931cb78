package dev.conversa.privacy;

import dev.conversa.internal.privacy.ErasureGuard;
import dev.conversa.internal.privacy.KeyedHash;
import dev.conversa.internal.privacy.LinkedIdentities.ChannelId;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.DeadLetter;
import dev.conversa.store.ErasureEntry;
import dev.conversa.store.Stores;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds every identity of a person the stores can link and erases it. The ledger line is written
 * first, so an event of the person in flight meanwhile is dropped or erased again by the
 * {@link ErasureGuard}. Thread-safe (stateless between calls).
 */
final class PersonEraser {

    private static final Logger LOG = LoggerFactory.getLogger(PersonEraser.class);
    /** Audit details and dead letters are searched only for terms at least this long. */
    private static final int MIN_TERM_LENGTH = 6;
    private static final Pattern WAMID = Pattern.compile("wamid\\.([A-Za-z0-9+/=_-]+)");
    static final String ERASED_PREFIX = "erased:";

    private final Stores stores;
    private final KeyedHash hash;
    private final Clock clock;
    private final List<ErasureListener> listeners;
    private final ErasureGuard guard;

    PersonEraser(Stores stores, KeyedHash hash, Clock clock, List<ErasureListener> listeners, ErasureGuard guard) {
        this.stores = stores;
        this.hash = hash;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.guard = guard;
    }

    ErasureReport erase(TenantId tenant, String identifier, String action) {
        Instant now = clock.instant();
        String identifierHash = hash.hash(KeyedHash.canonicalKey(identifier));
        LinkedPerson person = LinkedPerson.link(stores, tenant, identifier.strip());
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Conversation> conversations = person.conversations(stores, tenant);
        Set<String> terms = person.terms();
        for (Conversation conversation : conversations) {
            for (MessageRecord message : stores.messages().history(tenant, conversation.key(), Integer.MAX_VALUE)) {
                terms.add(message.messageId());
            }
        }
        for (String key : person.keys(identifier)) {
            stores.erasures().record(new ErasureEntry(tenant, hash.hash(key), now, Map.of()));
        }
        for (Conversation conversation : conversations) {
            ConversationKey key = conversation.key();
            add(counts, ErasureReport.INBOX, stores.inbox().deleteConversation(tenant, key));
            add(counts, ErasureReport.OUTBOX, stores.outbox().deleteConversation(tenant, key));
            add(counts, ErasureReport.MESSAGES, stores.messages().deleteConversation(tenant, key));
            add(counts, ErasureReport.NOTES, stores.agents().deleteNotes(tenant, key));
            stores.agents().deleteEvents(tenant, key);
            stores.agents().dequeue(tenant, key);
            add(counts, ErasureReport.CONVERSATIONS, stores.conversations().delete(tenant, key) ? 1 : 0);
            person.channelIds.add(new ChannelId(key.channel(), key.contactId()));
        }
        Set<ConversationKey> done = new HashSet<>();
        conversations.forEach(c -> done.add(c.key()));
        for (ConversationKey key : person.otherKeys(stores, tenant, done)) {
            add(counts, ErasureReport.INBOX, stores.inbox().deleteConversation(tenant, key));
            add(counts, ErasureReport.OUTBOX, stores.outbox().deleteConversation(tenant, key));
            add(counts, ErasureReport.MESSAGES, stores.messages().deleteConversation(tenant, key));
            add(counts, ErasureReport.NOTES, stores.agents().deleteNotes(tenant, key));
            stores.agents().deleteEvents(tenant, key);
            stores.agents().dequeue(tenant, key);
        }
        for (ChannelId id : person.channelIds) {
            add(counts, ErasureReport.CONSENTS, eraseConsents(tenant, id));
            add(counts, ErasureReport.CONTACTS, stores.contacts().delete(tenant, id.channel(), id.id()) ? 1 : 0);
        }
        for (String id : person.ids) {
            add(counts, ErasureReport.DELETION_REQUESTS, stores.deletionRequests().replaceSubject(tenant, id,
                    ERASED_PREFIX + hash.hash(KeyedHash.idKey(id))));
        }
        Set<String> searchable = searchable(terms);
        add(counts, ErasureReport.AUDIT, stores.audit().delete(tenant, event -> names(event, searchable, person)));
        add(counts, ErasureReport.DEAD_LETTERS, eraseDeadLetters(searchable));
        guard.erased();
        for (String key : person.keys(identifier)) {
            stores.erasures().record(new ErasureEntry(tenant, hash.hash(key), now, counts));
        }
        List<String> failures = notifyListeners(new ErasedPerson(tenant, identifierHash, person.identities(),
                person.phones, person.usernames));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("identifierHash", identifierHash);
        counts.forEach((name, count) -> details.put(name, String.valueOf(count)));
        details.put("listenerFailures", String.valueOf(failures.size()));
        stores.audit().record(new AuditEvent(tenant, now, action, details));
        ErasureReport report = new ErasureReport(tenant, identifierHash, now, counts, failures);
        LOG.info("Erased a person in tenant {} (identifier hash {}): {}", tenant, identifierHash, report.counts());
        return report;
    }

    /**
     * Removes a person's consent history on a channel, keeping the latest change of each topic
     * that is an opt-out, under a keyed hash, so the choice outlives the identity.
     */
    private int eraseConsents(TenantId tenant, ChannelId id) {
        List<ConsentRecord> history = stores.consents().list(tenant, id.channel(), id.id());
        if (history.isEmpty()) {
            return 0;
        }
        Map<String, ConsentRecord> latest = new HashMap<>();
        for (ConsentRecord change : history) {
            latest.merge(change.topic(), change, (a, b) -> b.at().isAfter(a.at()) ? b : a);
        }
        int removed = stores.consents().delete(tenant, id.channel(), id.id());
        String hashedId = ERASED_PREFIX + hash.hash(KeyedHash.idKey(id.id()));
        for (ConsentRecord change : latest.values()) {
            if (!change.optedIn()) {
                stores.consents().record(new ConsentRecord(tenant, change.channel(), hashedId, change.topic(), false,
                        change.at(), change.source()));
            }
        }
        return removed;
    }

    private int eraseDeadLetters(Set<String> searchable) {
        int removed = 0;
        for (DeadLetter letter : stores.deadLetters().list(Integer.MAX_VALUE)) {
            if (mentions(letter.body(), searchable) && stores.deadLetters().delete(letter.id())) {
                removed++;
            }
        }
        return removed;
    }

    private static boolean names(AuditEvent event, Set<String> searchable, LinkedPerson person) {
        for (String value : event.details().values()) {
            if (mentions(value, searchable) || wamidNames(value, person.phones)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(String text, Set<String> searchable) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String term : searchable) {
            if (lower.contains(term)) {
                return true;
            }
        }
        return false;
    }

    /** A WhatsApp message id is base64 that carries the customer's phone number in clear digits. */
    static boolean wamidNames(String text, Set<String> phones) {
        Matcher matcher = WAMID.matcher(text);
        while (matcher.find()) {
            String decoded = decode(matcher.group(1));
            for (String phone : phones) {
                if (decoded.contains(phone)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String decode(String base64) {
        String standard = base64.replace('-', '+').replace('_', '/').replace("=", "");
        try {
            return new String(Base64.getDecoder().decode(standard + "==".substring(0, (4 - standard.length() % 4) % 4)),
                    StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static Set<String> searchable(Set<String> terms) {
        Set<String> searchable = new TreeSet<>();
        for (String term : terms) {
            if (term.length() >= MIN_TERM_LENGTH) {
                searchable.add(term.toLowerCase(Locale.ROOT));
            }
        }
        return searchable;
    }

    private List<String> notifyListeners(ErasedPerson person) {
        List<String> failures = new java.util.ArrayList<>();
        for (ErasureListener listener : listeners) {
            Exception last = null;
            for (int attempt = 1; attempt <= Privacy.LISTENER_ATTEMPTS; attempt++) {
                try {
                    listener.erased(person);
                    last = null;
                    break;
                } catch (Exception e) {
                    last = e;
                    LOG.debug("Erasure listener {} failed, attempt {}", listener.getClass().getName(), attempt, e);
                }
            }
            if (last != null) {
                String failure = listener.getClass().getName() + ": " + last.getClass().getName();
                LOG.error("Erasure listener {} failed {} times with {}; the host's copies of the person may remain "
                        + "(identifier hash {})", listener.getClass().getName(), Privacy.LISTENER_ATTEMPTS,
                        last.getClass().getName(), person.identifierHash());
                failures.add(failure);
            }
        }
        return failures;
    }

    private static void add(Map<String, Integer> counts, String name, int count) {
        counts.merge(name, count, Integer::sum);
    }
}
