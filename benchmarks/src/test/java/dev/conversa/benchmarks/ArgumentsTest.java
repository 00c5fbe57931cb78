package dev.conversa.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final Map<String, String> DEFAULTS = Map.of("mode", "fast", "timeline", "false");

    @Test
    void readsTheArgumentsOverTheDefaultsAndRefusesAnUnknownOne() {
        assertThat(Arguments.parse(DEFAULTS, "mode=defaults")).containsEntry("mode", "defaults")
                .containsEntry("timeline", "false");
        assertThatIllegalArgumentException().isThrownBy(() -> Arguments.parse(DEFAULTS, "modes=fast"))
                .withMessageContaining("unknown option 'modes=fast'").withMessageContaining("mode");
    }

    @Test
    void anOptionWithFewValuesHasOneOfThemAndTheErrorNamesThem() {
        Map<String, String> values = Arguments.parse(DEFAULTS, "mode=slow", "timeline=yes");

        assertThat(Arguments.oneOf(DEFAULTS, "mode", "fast", "defaults")).isEqualTo("fast");
        assertThatIllegalArgumentException().isThrownBy(() -> Arguments.oneOf(values, "mode", "fast", "defaults"))
                .withMessage("mode must be fast or defaults, was 'slow'");
        assertThat(Arguments.flag(Arguments.parse(DEFAULTS, "timeline=true"), "timeline")).isTrue();
        assertThat(Arguments.flag(DEFAULTS, "timeline")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Arguments.flag(values, "timeline"))
                .withMessage("timeline must be true or false, was 'yes'");
    }
}
