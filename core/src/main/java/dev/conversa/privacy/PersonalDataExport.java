package dev.conversa.privacy;

import dev.conversa.model.ChannelType;
import dev.conversa.model.Contact;
import dev.conversa.model.Conversation;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.DeletionRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the stores hold about one person, as {@link Privacy#export} found it: their contacts
 * and channel identities, conversations, messages with their delivery statuses, consent history
 * and deletion requests. {@link #toJson()} gives the document to hand to the person (schema
 * version {@value #SCHEMA_VERSION}, described in {@code docs/privacy.md}).
 *
 * <pre>{@code
 * PersonalDataExport export = conversa.privacy().export(tenant, "+34 612 34 56 78");
 * Files.writeString(path, export.toJson());
 * }</pre>
 *
 * <p>The export names the person: hand it to them only. {@link #toString()} shows the tenant,
 * the keyed hash and counts, never personal data. Immutable and thread-safe.
 */
public final class PersonalDataExport {

    /** The version of the document {@link #toJson()} writes; a change that breaks readers raises it. */
    public static final int SCHEMA_VERSION = 1;

    private final TenantId tenant;
    private final String identifierHash;
    private final Instant exportedAt;
    private final Map<ChannelType, Set<String>> identities;
    private final List<Contact> contacts;
    private final List<Conversation> conversations;
    private final List<MessageRecord> messages;
    private final List<ConsentRecord> consents;
    private final List<DeletionRequest> deletionRequests;

    PersonalDataExport(TenantId tenant, String identifierHash, Instant exportedAt,
            Map<ChannelType, Set<String>> identities, List<Contact> contacts, List<Conversation> conversations,
            List<MessageRecord> messages, List<ConsentRecord> consents, List<DeletionRequest> deletionRequests) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.identifierHash = Objects.requireNonNull(identifierHash, "identifierHash");
        this.exportedAt = Objects.requireNonNull(exportedAt, "exportedAt");
        Map<ChannelType, Set<String>> copy = new LinkedHashMap<>();
        identities.forEach((channel, ids) -> copy.put(channel, Set.copyOf(ids)));
        this.identities = Map.copyOf(copy);
        this.contacts = List.copyOf(contacts);
        this.conversations = List.copyOf(conversations);
        this.messages = List.copyOf(messages);
        this.consents = List.copyOf(consents);
        this.deletionRequests = List.copyOf(deletionRequests);
    }

    /**
     * The business whose data this is.
     *
     * @return the tenant
     */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * The keyed hash of the identifier the export was asked for, as in the audit record.
     *
     * @return 64 hexadecimal digits
     */
    public String identifierHash() {
        return identifierHash;
    }

    /**
     * When the export was made.
     *
     * @return the time
     */
    public Instant exportedAt() {
        return exportedAt;
    }

    /**
     * The person's ids on each channel: those of their contacts and of their conversations.
     *
     * @return the ids per channel, empty when the stores know nobody by the identifier
     */
    public Map<ChannelType, Set<String>> identities() {
        return identities;
    }

    /**
     * The person's contacts on every channel, by channel and id.
     *
     * @return the contacts
     */
    public List<Contact> contacts() {
        return contacts;
    }

    /**
     * The person's conversations, by channel, account and id.
     *
     * @return the conversations
     */
    public List<Conversation> conversations() {
        return conversations;
    }

    /**
     * Every stored message to or from the person, each with its delivery status, by
     * conversation and then time.
     *
     * @return the messages
     */
    public List<MessageRecord> messages() {
        return messages;
    }

    /**
     * The person's consent history on every channel, by channel and then time.
     *
     * @return the consent changes
     */
    public List<ConsentRecord> consents() {
        return consents;
    }

    /**
     * The deletion requests whose subject is one of the person's identifiers, oldest first.
     *
     * @return the requests
     */
    public List<DeletionRequest> deletionRequests() {
        return deletionRequests;
    }

    /**
     * How many items of each class the export holds, as in its audit record: {@code contacts},
     * {@code conversations}, {@code messages}, {@code consents}, {@code deletionRequests}.
     *
     * @return the counts, in that order
     */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("contacts", contacts.size());
        counts.put("conversations", conversations.size());
        counts.put("messages", messages.size());
        counts.put("consents", consents.size());
        counts.put("deletionRequests", deletionRequests.size());
        return counts;
    }

    /**
     * The export as a JSON document of schema version {@value #SCHEMA_VERSION}: an object with
     * {@code schemaVersion}, {@code tenant}, {@code exportedAt}, {@code identifierHash},
     * {@code identities}, {@code contacts}, {@code conversations}, {@code messages},
     * {@code consents} and {@code deletionRequests}; times are ISO-8601 strings in UTC, absent
     * values are left out. The fields are described in {@code docs/privacy.md}.
     *
     * @return the JSON text, indented
     */
    public String toJson() {
        return ExportJson.write(this);
    }

    /** Shows the tenant, the keyed hash and the counts; never personal data. */
    @Override
    public String toString() {
        return "PersonalDataExport[" + tenant + ", " + identifierHash + ", " + counts() + "]";
    }
}
