package dev.conversa.store;

import dev.conversa.model.ChannelType;
import dev.conversa.model.Contact;
import dev.conversa.model.TenantId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The people who wrote to a tenant, per channel. Implementations are thread-safe. */
public interface ContactStore {

    /**
     * Adds a contact, or updates the one with the same tenant, channel and external id: present
     * fields of the argument replace stored ones, absent ones keep them, and the first-seen time
     * is kept.
     *
     * @param contact the contact
     * @return the stored contact
     */
    Contact upsert(Contact contact);

    /**
     * Finds a contact.
     *
     * @param tenant the business
     * @param channel the channel
     * @param externalId the person's id there
     * @return the contact, when known
     */
    Optional<Contact> find(TenantId tenant, ChannelType channel, String externalId);

    /**
     * Finds a person's contacts on every channel by phone number, user name, external id, or an
     * id the contact had before ({@link #link}).
     *
     * @param tenant the business
     * @param identifier a phone number (digits, with or without {@code +}), a user name (with or
     *     without a leading {@code @}, in any case), an external id or a former one
     * @return the matching contacts
     */
    List<Contact> findByIdentifier(TenantId tenant, String identifier);

    /**
     * Records that a contact was known on its channel by another id before: a changed phone
     * number, a rotated business-scoped user id. {@link #findByIdentifier} then finds the contact
     * by that former id too, and {@link #formerIds} names it, so that erasure and export of the
     * person reach the history under both ids. Linking the same id twice, or a contact to its own
     * id, changes nothing. The contact need not be stored yet; {@link #delete} removes its links.
     *
     * @param tenant the business
     * @param channel the channel
     * @param externalId the contact's id now
     * @param formerId the id it had before, on the same channel
     */
    void link(TenantId tenant, ChannelType channel, String externalId, String formerId);

    /**
     * The ids a contact had before on its channel ({@link #link}), sorted.
     *
     * @param tenant the business
     * @param channel the channel
     * @param externalId the contact's id now
     * @return the former ids in their natural order, empty when there are none
     */
    List<String> formerIds(TenantId tenant, ChannelType channel, String externalId);

    /**
     * The contacts {@link #findByIdentifier} finds, each with its {@link #formerIds former ids}:
     * what linking one person's identities reads for each identifier (the send gate does it
     * before every message), in one call. The default asks those two methods; a store over a
     * database may read both with one query.
     *
     * @param tenant the business
     * @param identifier as for {@link #findByIdentifier}
     * @return each matching contact with its former ids sorted, in {@link #findByIdentifier}'s
     *     order; read-only
     */
    default Map<Contact, List<String>> findByIdentifierWithFormerIds(TenantId tenant, String identifier) {
        Map<Contact, List<String>> found = new LinkedHashMap<>();
        for (Contact contact : findByIdentifier(tenant, identifier)) {
            found.put(contact, formerIds(tenant, contact.channel(), contact.externalId()));
        }
        return Collections.unmodifiableMap(found);
    }

    /**
     * Replaces a contact's name, user name and phone number with the argument's, clearing those
     * that are absent, for rectification (unlike {@link #upsert}, which keeps absent fields).
     * The first-seen time is kept.
     *
     * @param contact the contact as it must be stored
     * @return true if the contact existed and was replaced; false if it does not exist
     */
    boolean replace(Contact contact);

    /**
     * Lists a tenant's contacts on every channel, ordered by channel and external id, a page at a
     * time, for erasure again after a backup was restored.
     *
     * @param tenant the business
     * @param offset how many to skip
     * @param limit the most to return
     * @return the contacts
     */
    List<Contact> list(TenantId tenant, int offset, int limit);

    /**
     * Removes a contact and its links to former ids.
     *
     * @param tenant the business
     * @param channel the channel
     * @param externalId the person's id there
     * @return true if it existed
     */
    boolean delete(TenantId tenant, ChannelType channel, String externalId);
}
