package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.ChannelType;
import dev.conversa.model.Contact;
import dev.conversa.model.TenantId;
import dev.conversa.store.ContactStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link ContactStore}: merging upserts and lookup by any identifier. */
public abstract class ContactStoreContract extends StoreContract {

    private ContactStore contacts() {
        return stores.contacts();
    }

    private static Contact contact(TenantId tenant, ChannelType channel, String externalId, Optional<String> name,
            Optional<String> username, Optional<String> phone, Instant firstSeen) {
        return new Contact(tenant, channel, externalId, name, username, phone, firstSeen);
    }

    private Contact whatsApp(String waId, String phone) {
        return contact(TENANT_A, ChannelType.WHATSAPP, waId, Optional.of("Anna"), Optional.empty(),
                Optional.of(phone), now());
    }

    @Test
    void upsertAddsANewContact() {
        Contact anna = whatsApp("15551234567", "+15551234567");

        assertThat(contacts().upsert(anna)).isEqualTo(anna);

        assertThat(contacts().find(TENANT_A, ChannelType.WHATSAPP, "15551234567")).contains(anna);
    }

    @Test
    void upsertReplacesPresentFieldsKeepsAbsentOnesAndTheFirstSeenTime() {
        contacts().upsert(contact(TENANT_A, ChannelType.INSTAGRAM, "igsid-1", Optional.of("Anna"),
                Optional.of("anna.k"), Optional.empty(), now()));

        Contact stored = contacts().upsert(contact(TENANT_A, ChannelType.INSTAGRAM, "igsid-1",
                Optional.of("Anna K."), Optional.empty(), Optional.of("+4915100000"), inSeconds(60)));

        Contact expected = contact(TENANT_A, ChannelType.INSTAGRAM, "igsid-1", Optional.of("Anna K."),
                Optional.of("anna.k"), Optional.of("+4915100000"), now());
        assertThat(stored).isEqualTo(expected);
        assertThat(contacts().find(TENANT_A, ChannelType.INSTAGRAM, "igsid-1")).contains(expected);
    }

    @Test
    void findIsScopedByTenantAndChannel() {
        contacts().upsert(whatsApp("15551234567", "+15551234567"));

        assertThat(contacts().find(TENANT_B, ChannelType.WHATSAPP, "15551234567")).isEmpty();
        assertThat(contacts().find(TENANT_A, ChannelType.MESSENGER, "15551234567")).isEmpty();
    }

    @Test
    void theSameExternalIdInAnotherTenantIsAnotherContact() {
        contacts().upsert(whatsApp("15551234567", "+15551234567"));

        contacts().upsert(contact(TENANT_B, ChannelType.WHATSAPP, "15551234567", Optional.of("Other"),
                Optional.empty(), Optional.empty(), now()));

        assertThat(contacts().find(TENANT_A, ChannelType.WHATSAPP, "15551234567").orElseThrow().name())
                .contains("Anna");
    }

    @Test
    void findByIdentifierMatchesAPhoneNumberWithOrWithoutPlus() {
        Contact anna = whatsApp("15551234567", "+15551234567");
        contacts().upsert(anna);

        assertThat(contacts().findByIdentifier(TENANT_A, "+15551234567")).containsExactly(anna);
        assertThat(contacts().findByIdentifier(TENANT_A, "15551234567")).containsExactly(anna);
    }

    @Test
    void findByIdentifierMatchesAStoredPhoneNumberOnAnyChannel() {
        Contact onMessenger = contact(TENANT_A, ChannelType.MESSENGER, "psid-1", Optional.empty(),
                Optional.empty(), Optional.of("+4915100000"), now());
        Contact onWhatsApp = whatsApp("4915100000", "4915100000");
        contacts().upsert(onMessenger);
        contacts().upsert(onWhatsApp);

        assertThat(contacts().findByIdentifier(TENANT_A, "+4915100000"))
                .containsExactlyInAnyOrder(onMessenger, onWhatsApp);
    }

    @Test
    void findByIdentifierMatchesAUserName() {
        Contact anna = contact(TENANT_A, ChannelType.INSTAGRAM, "igsid-1", Optional.empty(), Optional.of("anna.k"),
                Optional.empty(), now());
        contacts().upsert(anna);

        assertThat(contacts().findByIdentifier(TENANT_A, "anna.k")).containsExactly(anna);
    }

    @Test
    void findByIdentifierMatchesAnExternalId() {
        Contact anna = contact(TENANT_A, ChannelType.MESSENGER, "psid-77", Optional.empty(), Optional.empty(),
                Optional.empty(), now());
        contacts().upsert(anna);

        assertThat(contacts().findByIdentifier(TENANT_A, "psid-77")).containsExactly(anna);
    }

    @Test
    void findByIdentifierFindsNothingForAnUnknownIdentifier() {
        contacts().upsert(whatsApp("15551234567", "+15551234567"));

        assertThat(contacts().findByIdentifier(TENANT_A, "+15559999999")).isEmpty();
        assertThat(contacts().findByIdentifier(TENANT_A, "nobody")).isEmpty();
    }

    @Test
    void findByIdentifierSeesOnlyTheTenantsContacts() {
        contacts().upsert(whatsApp("15551234567", "+15551234567"));

        assertThat(contacts().findByIdentifier(TENANT_B, "+15551234567")).isEmpty();
    }

    @Test
    void deleteRemovesTheContactOfItsTenantOnly() {
        contacts().upsert(whatsApp("15551234567", "+15551234567"));

        assertThat(contacts().delete(TENANT_B, ChannelType.WHATSAPP, "15551234567")).isFalse();
        assertThat(contacts().delete(TENANT_A, ChannelType.WHATSAPP, "15551234567")).isTrue();
        assertThat(contacts().find(TENANT_A, ChannelType.WHATSAPP, "15551234567")).isEmpty();
        assertThat(contacts().delete(TENANT_A, ChannelType.WHATSAPP, "15551234567")).isFalse();
    }

    @Test
    void replaceClearsAbsentFieldsAndKeepsTheFirstSeenTime() {
        contacts().upsert(contact(TENANT_A, ChannelType.INSTAGRAM, "igsid-1", Optional.of("Anna"),
                Optional.of("anna.k"), Optional.of("+4915100000"), now()));

        boolean replaced = contacts().replace(contact(TENANT_A, ChannelType.INSTAGRAM, "igsid-1", Optional.empty(),
                Optional.of("anna.k"), Optional.empty(), inSeconds(60)));

        assertThat(replaced).isTrue();
        assertThat(contacts().find(TENANT_A, ChannelType.INSTAGRAM, "igsid-1")).contains(contact(TENANT_A,
                ChannelType.INSTAGRAM, "igsid-1", Optional.empty(), Optional.of("anna.k"), Optional.empty(), now()));
        assertThat(contacts().findByIdentifier(TENANT_A, "+4915100000")).isEmpty();
    }

    @Test
    void replaceOfAnUnknownContactCreatesNothing() {
        assertThat(contacts().replace(whatsApp("15551234567", "+15551234567"))).isFalse();

        assertThat(contacts().find(TENANT_A, ChannelType.WHATSAPP, "15551234567")).isEmpty();
    }

    @Test
    void findByIdentifierMatchesAUserNameWithAtInAnyCase() {
        Contact anna = contact(TENANT_A, ChannelType.INSTAGRAM, "igsid-1", Optional.empty(), Optional.of("Anna.K"),
                Optional.empty(), now());
        contacts().upsert(anna);

        assertThat(contacts().findByIdentifier(TENANT_A, "@anna.k")).containsExactly(anna);
        assertThat(contacts().findByIdentifier(TENANT_A, "ANNA.K")).containsExactly(anna);
        assertThat(contacts().findByIdentifier(TENANT_B, "@anna.k")).isEmpty();
    }

    @Test
    void listPagesATenantsContactsByChannelAndId() {
        contacts().upsert(whatsApp("15551234567", "+15551234567"));
        contacts().upsert(contact(TENANT_A, ChannelType.INSTAGRAM, "igsid-1", Optional.empty(), Optional.empty(),
                Optional.empty(), now()));
        contacts().upsert(contact(TENANT_A, ChannelType.INSTAGRAM, "igsid-2", Optional.empty(), Optional.empty(),
                Optional.empty(), now()));
        contacts().upsert(contact(TENANT_B, ChannelType.INSTAGRAM, "igsid-0", Optional.empty(), Optional.empty(),
                Optional.empty(), now()));

        assertThat(contacts().list(TENANT_A, 0, 2)).extracting(Contact::externalId)
                .containsExactly("igsid-1", "igsid-2");
        assertThat(contacts().list(TENANT_A, 2, 2)).extracting(Contact::externalId).containsExactly("15551234567");
    }

    @Test
    void aLinkedFormerIdFindsTheContactAndIsNamedByIt() {
        contacts().upsert(whatsApp("15551230000", "+15551230000"));

        contacts().link(TENANT_A, ChannelType.WHATSAPP, "15551230000", "15551234567");
        contacts().link(TENANT_A, ChannelType.WHATSAPP, "15551230000", "US.13491208655302741918");
        contacts().link(TENANT_A, ChannelType.WHATSAPP, "15551230000", "15551234567");

        assertThat(contacts().formerIds(TENANT_A, ChannelType.WHATSAPP, "15551230000"))
                .containsExactly("15551234567", "US.13491208655302741918");
        assertThat(contacts().findByIdentifier(TENANT_A, "+1 555 123 4567")).extracting(Contact::externalId)
                .containsExactly("15551230000");
        assertThat(contacts().findByIdentifier(TENANT_A, "US.13491208655302741918")).extracting(Contact::externalId)
                .containsExactly("15551230000");
    }

    @Test
    void aLinkIsScopedByTenantAndChannelAndIgnoresTheContactsOwnId() {
        contacts().upsert(whatsApp("15551230000", "+15551230000"));

        contacts().link(TENANT_A, ChannelType.WHATSAPP, "15551230000", "15551230000");
        contacts().link(TENANT_A, ChannelType.WHATSAPP, "15551230000", "US.1");

        assertThat(contacts().formerIds(TENANT_A, ChannelType.WHATSAPP, "15551230000")).containsExactly("US.1");
        assertThat(contacts().formerIds(TENANT_B, ChannelType.WHATSAPP, "15551230000")).isEmpty();
        assertThat(contacts().formerIds(TENANT_A, ChannelType.MESSENGER, "15551230000")).isEmpty();
        assertThat(contacts().findByIdentifier(TENANT_B, "US.1")).isEmpty();
    }

    @Test
    void deleteRemovesTheContactsFormerIds() {
        contacts().upsert(whatsApp("15551230000", "+15551230000"));
        contacts().link(TENANT_A, ChannelType.WHATSAPP, "15551230000", "15551234567");

        contacts().delete(TENANT_A, ChannelType.WHATSAPP, "15551230000");
        contacts().upsert(whatsApp("15551230000", "+15551230000"));

        assertThat(contacts().formerIds(TENANT_A, ChannelType.WHATSAPP, "15551230000")).isEmpty();
        assertThat(contacts().findByIdentifier(TENANT_A, "15551234567")).isEmpty();
    }

    @Test
    void findByIdentifierWithFormerIdsGivesEachMatchWithItsFormerIds() {
        Contact onWhatsApp = whatsApp("4915100000", "+4915100000");
        Contact onMessenger = contact(TENANT_A, ChannelType.MESSENGER, "psid-1", Optional.empty(),
                Optional.empty(), Optional.of("+4915100000"), now());
        contacts().upsert(onWhatsApp);
        contacts().upsert(onMessenger);
        contacts().upsert(contact(TENANT_B, ChannelType.WHATSAPP, "4915100000", Optional.empty(), Optional.empty(),
                Optional.of("+4915100000"), now()));
        contacts().link(TENANT_A, ChannelType.WHATSAPP, "4915100000", "US.2");
        contacts().link(TENANT_A, ChannelType.WHATSAPP, "4915100000", "4915199999");
        contacts().link(TENANT_B, ChannelType.WHATSAPP, "4915100000", "US.9");

        Map<Contact, List<String>> found = contacts().findByIdentifierWithFormerIds(TENANT_A, "+49 151 00000");

        assertThat(found).containsOnly(Map.entry(onWhatsApp, List.of("4915199999", "US.2")),
                Map.entry(onMessenger, List.of()));
        assertThat(found.keySet()).containsExactlyElementsOf(contacts().findByIdentifier(TENANT_A, "+4915100000"));
        assertThat(contacts().findByIdentifierWithFormerIds(TENANT_A, "US.2"))
                .containsOnly(Map.entry(onWhatsApp, List.of("4915199999", "US.2")));
        assertThat(contacts().findByIdentifierWithFormerIds(TENANT_A, "US.9")).isEmpty();
        assertThat(contacts().findByIdentifierWithFormerIds(TENANT_A, "nobody")).isEmpty();
    }
}
