package dev.conversa.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LenientJsonTest {

    private static final JsonNode NODE = JsonMapper.builder().build().readTree("""
            {"s":"abc","empty":"","blank":"  ","n":1234,"b":true,"sb":"true","o":{"x":1},"a":[1,"two"],
             "nul":null,"secs":"1700000000","ms":1700000000123,"bad":"17x"}
            """);

    @Test
    void textPrintsEveryScalarAndKeepsTheEmptyString() {
        assertThat(LenientJson.text(NODE, "s")).hasValue("abc");
        assertThat(LenientJson.text(NODE, "n")).hasValue("1234");
        assertThat(LenientJson.text(NODE, "b")).hasValue("true");
        assertThat(LenientJson.text(NODE, "empty")).hasValue("");
    }

    @Test
    void textIsAbsentForMissingNullAndContainerFields() {
        assertThat(LenientJson.text(NODE, "missing")).isEmpty();
        assertThat(LenientJson.text(NODE, "nul")).isEmpty();
        assertThat(LenientJson.text(NODE, "o")).isEmpty();
        assertThat(LenientJson.text(NODE, "a")).isEmpty();
        assertThat(LenientJson.text(null, "s")).isEmpty();
        assertThat(LenientJson.text(NODE.path("missing"), "s")).isEmpty();
    }

    @Test
    void nonEmptyDropsOnlyTheEmptyStringAndNonBlankAlsoWhitespace() {
        assertThat(LenientJson.nonEmpty(NODE, "empty")).isEmpty();
        assertThat(LenientJson.nonEmpty(NODE, "blank")).hasValue("  ");
        assertThat(LenientJson.nonBlank(NODE, "blank")).isEmpty();
        assertThat(LenientJson.nonBlank(NODE, "s")).hasValue("abc");
    }

    @Test
    void requiredNamesTheMissingField() {
        assertThat(LenientJson.required(NODE, "s")).isEqualTo("abc");
        assertThatThrownBy(() -> LenientJson.required(NODE, "blank"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("missing 'blank'");
    }

    @Test
    void objectAndArrayAreAbsentWhenOfAnotherType() {
        assertThat(LenientJson.object(NODE, "o")).isNotNull();
        assertThat(LenientJson.object(NODE, "a")).isNull();
        assertThat(LenientJson.array(NODE, "a")).hasSize(2);
        assertThat(LenientJson.array(NODE, "o")).isEmpty();
    }

    @Test
    void flagIsTrueForTheBooleanOrTheStringTrueOnly() {
        assertThat(LenientJson.flag(NODE, "b")).isTrue();
        assertThat(LenientJson.flag(NODE, "sb")).isTrue();
        assertThat(LenientJson.flag(NODE, "n")).isFalse();
        assertThat(LenientJson.flag(NODE, "missing")).isFalse();
    }

    @Test
    void readsTimestampsInSecondsOrMillisFromNumbersOrStrings() {
        assertThat(LenientJson.seconds(NODE, "secs")).hasValue(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(LenientJson.millis(NODE, "ms")).hasValue(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(LenientJson.seconds(NODE, "bad")).isEmpty();
    }

    @Test
    void aTimestampInSecondsBeyondTheRangeOfAnInstantIsAbsent() {
        // found by WebhookFuzzTest: Instant.ofEpochSecond threw DateTimeException, the webhook answered 500
        JsonNode node = JsonMapper.builder().build().readTree(
                "{\"far\": \"173236320032363201\", \"farNumber\": 173236320032363201, \"last\": 31556889864403199}");
        assertThat(LenientJson.seconds(node, "far")).isEmpty();
        assertThat(LenientJson.seconds(node, "farNumber")).isEmpty();
        assertThat(LenientJson.seconds(node, "last")).isEmpty();
    }

    @Test
    void aTimestampAfterTheYear9999IsAbsentAsADatabaseCouldNotStoreIt() {
        JsonNode node = JsonMapper.builder().build().readTree("{\"last\": 253402300799, \"after\": 253402300800, "
                + "\"negative\": -1, \"lastMillis\": 253402300799999, "
                + "\"afterMillis\": 253402300800000, \"year100000\": 3093527980800}");

        assertThat(LenientJson.seconds(node, "last")).hasValue(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(LenientJson.seconds(node, "after")).isEmpty();
        assertThat(LenientJson.seconds(node, "negative")).isEmpty();
        assertThat(LenientJson.millis(node, "lastMillis")).hasValue(Instant.parse("9999-12-31T23:59:59.999Z"));
        assertThat(LenientJson.millis(node, "afterMillis")).isEmpty();
        assertThat(LenientJson.seconds(node, "year100000")).isEmpty();
    }

    @Test
    void aTimestampNumberCountsOnlyWhenItIsAWholeNumberThatFitsALong() {
        JsonNode node = JsonMapper.builder().build().readTree("{\"whole\": 1700000000123, \"text\": \" 1700000000123 \", "
                + "\"huge\": 99999999999999999999, \"fraction\": 1700000000.5, \"exponent\": 1.7e12, "
                + "\"negative\": -1700000000123, \"zero\": 0}");

        assertThat(LenientJson.millis(node, "whole")).hasValue(Instant.ofEpochMilli(1_700_000_000_123L))
                .isEqualTo(LenientJson.millis(node, "text"));
        assertThat(LenientJson.millis(node, "huge")).isEmpty();
        assertThat(LenientJson.seconds(node, "fraction")).isEmpty();
        assertThat(LenientJson.millis(node, "exponent")).isEmpty();
        assertThat(LenientJson.millis(node, "negative")).isEmpty();
        assertThat(LenientJson.seconds(node, "zero")).hasValue(Instant.EPOCH);
    }

    @Test
    void flattensLeavesByDottedPath() {
        assertThat(LenientJson.flatten("p", LenientJson.object(NODE, "o"))).containsExactly(
                Map.entry("p.x", "1"));
        assertThat(LenientJson.flatten("", NODE)).containsEntry("a.1", "two").doesNotContainKey("nul");
        Map<String, String> into = new HashMap<>(Map.of("kept", "yes"));
        LenientJson.flatten("p", LenientJson.object(NODE, "o"), into);
        assertThat(into).containsOnly(Map.entry("kept", "yes"), Map.entry("p.x", "1"));
    }

    @Test
    void digestIsStableAndThirtyTwoHexCharacters() {
        assertThat(LenientJson.digest(NODE)).hasSize(32).matches("[0-9a-f]+")
                .isEqualTo(LenientJson.digest(NODE.deepCopy()));
    }
}
