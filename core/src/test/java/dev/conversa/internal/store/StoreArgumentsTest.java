package dev.conversa.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreArgumentsTest {

    @Test
    void phoneDigitsKeepsTheAsciiDigitsOnly() {
        assertThat(StoreArguments.phoneDigits("+1 (555) 010-0")).isEqualTo("15550100");
        assertThat(StoreArguments.phoneDigits("4915112345678")).isEqualTo("4915112345678");
        assertThat(StoreArguments.phoneDigits("\u0661\u0662\u0663")).as("Arabic-Indic digits").isEmpty();
        assertThat(StoreArguments.phoneDigits("")).isEmpty();
    }

    @Test
    void phoneDigitsOfAnIdentifierOnlyWhenItHasThePhoneNumbersShape() {
        assertThat(StoreArguments.phoneDigitsOf("+49 151 1234-5678")).hasValue("4915112345678");
        assertThat(StoreArguments.phoneDigitsOf("@anna")).isEmpty();
        assertThat(StoreArguments.phoneDigitsOf("psid-123")).isEmpty();
    }
}
