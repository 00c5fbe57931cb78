package dev.conversa.privacy;

import dev.conversa.internal.privacy.ErasureGuard;
import dev.conversa.internal.privacy.KeyedHash;
import dev.conversa.internal.privacy.PrivacyGuards;
import dev.conversa.lang.Secret;
import dev.conversa.model.Contact;
import dev.conversa.model.Conversation;
import dev.conversa.model.TenantId;
import dev.conversa.store.ErasureEntry;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a business promises one person: erasure and export of everything held about them,
 * located by phone number, user name or channel id. Reached through {@code Conversa.privacy()}, which needs the
 * deployment's pepper ({@code Conversa.builder().privacyPepper(...)}).
 *
 * <pre>{@code
 * ErasureReport report = conversa.privacy().erase(tenant, "+49 170 1234567");
 * // report.identifierHash(), report.counts(), report.listenerFailures()
 * String json = conversa.privacy().export(tenant, "@ana.lopez").toJson();
 * // after restoring a backup:
 * conversa.privacy().reapplyErasures();
 * }</pre>
 *
 * <p>Identifiers: a phone number in any common format (E.164 with or without {@code +}, with
 * spaces, dashes or brackets; matched by its digits), a {@code wa_id} or BSUID, an Instagram or
 * Messenger user name with or without {@code @} in any case, a PSID or IGSID. Every identity the
 * stores can link to it is erased or exported: the contacts found, and transitively the contacts sharing one
 * of their ids, phone numbers or user names, on every channel of the tenant.
 *
 * <p>What stays is what names nobody: one audit record and ledger lines holding keyed hashes
 * (HMAC-SHA256 under the pepper) and counts, the latest opt-out of each topic under a keyed
 * hash, and deletion requests whose subject became a keyed hash. Immutable and thread-safe.
 */
public final class Privacy {

    /** How many times an {@link ErasureListener} is called before its failure is reported. */
    public static final int LISTENER_ATTEMPTS = 3;
    /** The audit action of an erasure. */
    public static final String ERASURE_ACTION = "erasure";
    /** The audit action of an erasure carried out again from the ledger. */
    public static final String REAPPLIED_ACTION = "erasure_reapplied";
    /** The audit action of an export. */
    public static final String EXPORT_ACTION = "export";
    private static final int PAGE = 500;

    static {
        PrivacyGuards.install(privacy -> privacy.guard);
    }

    private final Stores stores;
    private final KeyedHash hash;
    private final ErasureGuard guard;
    private final PersonEraser eraser;
    private final PersonExporter exporter;

    private Privacy(Builder builder) {
        this.stores = builder.stores;
        this.hash = new KeyedHash(builder.pepper);
        this.guard = new ErasureGuard(stores.erasures(), hash);
        this.eraser = new PersonEraser(stores, hash, builder.clock, builder.listeners, guard);
        this.exporter = new PersonExporter(stores, hash, builder.clock);
        guard.eraser((tenant, event) -> eraser.erase(tenant, event.header().contactId(), REAPPLIED_ACTION));
    }

    /**
     * Starts configuring a privacy facade; {@code Conversa} does this for its host.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Erases a person: their contacts on every channel, conversations, messages, inbox and outbox
     * entries (pending ones too: they get no further message), consent history (the latest
     * opt-out stays under a keyed hash), the subject of their deletion requests, the audit
     * entries and dead letters that name them and the intake's cache of recent events; then
     * tells the host's {@link ErasureListener}s. Idempotent: erasing again removes what came
     * since, or nothing.
     *
     * @param tenant the business
     * @param identifier a phone number, user name or channel id, as described above
     * @return what was removed, naming the person only by keyed hash
     * @throws IllegalArgumentException if the identifier is blank
     */
    public ErasureReport erase(TenantId tenant, String identifier) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(identifier, "identifier");
        if (identifier.isBlank()) {
            throw new IllegalArgumentException("identifier must not be blank");
        }
        return eraser.erase(tenant, identifier, ERASURE_ACTION);
    }

    /**
     * Exports everything held about a person, found as {@link #erase} finds them: their
     * contacts and channel ids on every channel, conversations, messages with their delivery
     * statuses, consent history and the deletion requests whose subject is one of their
     * identifiers. Records the export in the audit log (action {@value #EXPORT_ACTION}: the
     * identifier's keyed hash and the counts, nothing that names the person). Changes nothing
     * else.
     *
     * @param tenant the business
     * @param identifier a phone number, user name or channel id, as described above
     * @return the person's data; empty lists when the stores know nobody by the identifier
     * @throws IllegalArgumentException if the identifier is blank
     */
    public PersonalDataExport export(TenantId tenant, String identifier) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(identifier, "identifier");
        if (identifier.isBlank()) {
            throw new IllegalArgumentException("identifier must not be blank");
        }
        return exporter.export(tenant, identifier);
    }

    /**
     * Carries out every erasure in the ledger again, for instance after a backup taken before
     * some erasures was restored: every contact and conversation of a tenant whose id, phone
     * number or user name hashes to a ledger line is erased again, with its audit record.
     *
     * @return one report per person erased again; empty when nothing erased had come back
     */
    public List<ErasureReport> reapplyErasures() {
        List<ErasureReport> reports = new ArrayList<>();
        for (TenantId tenant : stores.erasures().tenants()) {
            Set<String> erased = ledgerHashes(tenant);
            Set<String> again = new LinkedHashSet<>();
            for (int offset = 0; ; offset += PAGE) {
                List<Contact> page = stores.contacts().list(tenant, offset, PAGE);
                for (Contact contact : page) {
                    if (matches(contact, erased)) {
                        again.add(contact.externalId());
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            for (Conversation conversation : stores.conversations().list(tenant, Optional.empty(),
                    Integer.MAX_VALUE)) {
                if (erased.contains(hash.hash(KeyedHash.idKey(conversation.key().contactId())))) {
                    again.add(conversation.key().contactId());
                }
            }
            Set<String> done = new HashSet<>();
            for (String id : again) {
                if (done.add(id)) {
                    reports.add(eraser.erase(tenant, id, REAPPLIED_ACTION));
                }
            }
        }
        return List.copyOf(reports);
    }

    /**
     * The keyed hash this deployment keeps of an identifier, as in {@link ErasureReport}: the
     * same for every common format of one phone number or user name.
     *
     * @param identifier a phone number, user name or channel id
     * @return 64 hexadecimal digits
     */
    public String identifierHash(String identifier) {
        return hash.hash(KeyedHash.canonicalKey(Objects.requireNonNull(identifier, "identifier")));
    }

    private Set<String> ledgerHashes(TenantId tenant) {
        Set<String> hashes = new HashSet<>();
        for (int offset = 0; ; offset += PAGE) {
            List<ErasureEntry> page = stores.erasures().list(tenant, offset, PAGE);
            page.forEach(entry -> hashes.add(entry.keyHash()));
            if (page.size() < PAGE) {
                return hashes;
            }
        }
    }

    private boolean matches(Contact contact, Set<String> erased) {
        if (erased.contains(hash.hash(KeyedHash.idKey(contact.externalId())))) {
            return true;
        }
        if (contact.phoneNumber().filter(p -> erased.contains(hash.hash(KeyedHash.phoneKey(p)))).isPresent()) {
            return true;
        }
        return contact.username().filter(u -> erased.contains(hash.hash(KeyedHash.userKey(u)))).isPresent();
    }

    /** Never shows the pepper. */
    @Override
    public String toString() {
        return "Privacy[" + hash + "]";
    }

    /**
     * Configures a {@link Privacy}. Required: the stores and the pepper. Not thread-safe; build
     * once.
     */
    public static final class Builder {

        private Stores stores;
        private Secret pepper;
        private Clock clock = Clock.systemUTC();
        private final List<ErasureListener> listeners = new ArrayList<>();

        private Builder() {}

        /**
         * Sets the stores whose data is erased and exported (required).
         *
         * @param allStores the stores
         * @return this builder
         */
        public Builder stores(Stores allStores) {
            this.stores = Objects.requireNonNull(allStores, "stores");
            return this;
        }

        /**
         * Sets the deployment's pepper, the key of the keyed hashes (required, at least 32
         * characters, kept secret and stable: a different pepper cannot recognise the ledger's
         * hashes).
         *
         * @param secret the pepper
         * @return this builder
         */
        public Builder pepper(Secret secret) {
            this.pepper = Objects.requireNonNull(secret, "privacyPepper");
            return this;
        }

        /**
         * Sets the clock (default: the system clock in UTC).
         *
         * @param time the clock
         * @return this builder
         */
        public Builder clock(Clock time) {
            this.clock = Objects.requireNonNull(time, "clock");
            return this;
        }

        /**
         * Adds a listener told after each erasure.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(ErasureListener listener) {
            listeners.add(Objects.requireNonNull(listener, "erasureListener"));
            return this;
        }

        /**
         * Builds the facade.
         *
         * @return the facade
         * @throws IllegalStateException naming the setting that is missing or too short
         */
        public Privacy build() {
            if (stores == null) {
                throw new IllegalStateException("stores is required: set the stores whose data is erased");
            }
            if (pepper == null) {
                throw new IllegalStateException("privacyPepper is required: set a secret of at least "
                        + KeyedHash.MIN_PEPPER_LENGTH + " characters, the same on every instance and kept across "
                        + "restarts, with privacyPepper(Secret.of(...))");
            }
            if (pepper.reveal().length() < KeyedHash.MIN_PEPPER_LENGTH) {
                throw new IllegalStateException("privacyPepper must be at least " + KeyedHash.MIN_PEPPER_LENGTH
                        + " characters");
            }
            return new Privacy(this);
        }
    }
}
