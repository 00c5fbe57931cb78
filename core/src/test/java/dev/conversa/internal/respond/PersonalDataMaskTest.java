package dev.conversa.internal.respond;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataMaskTest {

    @ParameterizedTest
    @ValueSource(strings = {"+49 151 12345678", "+1 (415) 555-0199", "0151-1234-5678", "+4915112345678", "030.1234.5678"})
    void masksPhoneNumbers(String phone) {
        assertThat(PersonalDataMask.ON.apply("ring " + phone + " today")).isEqualTo("ring [phone] today");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23", "order 12345678", "6 EUR", "7:00-18:00"})
    void leavesDatesPricesAndShortNumbersAlone(String text) {
        assertThat(PersonalDataMask.ON.apply(text)).isEqualTo(text);
    }

    @Test
    void masksEmailAddresses() {
        assertThat(PersonalDataMask.ON.apply("mail jo.doe+shop@mail.example.co.uk now"))
                .isEqualTo("mail [email] now");
    }

    @Test
    void changesNothingWhenOff() {
        assertThat(PersonalDataMask.OFF.apply("+49 151 12345678 jo@example.org"))
                .isEqualTo("+49 151 12345678 jo@example.org");
    }
}
