package dev.conversa.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The paired ratio driver runs, briefly; its figures come from running it by hand. */
class IntakeRatioTest {

    @Test
    void measuresEveryPathOfAPayloadInPairs() throws Exception {
        IntakeRatio.Result result = IntakeRatio.run("whatsappStatuses", 5, 20, 0.2);

        assertThat(result.rounds()).isEqualTo(5);
        assertThat(result.block()).isEqualTo(20);
        assertThat(result.newEvent()).hasSize(3);
        assertThat(result.newEvent()[0]).isPositive();
        assertThat(result.newEvent()[0]).isLessThanOrEqualTo(result.newEvent()[1]);
        assertThat(result.newEvent()[1]).isLessThanOrEqualTo(result.newEvent()[2]);
        assertThat(result.redelivery()).hasSize(3);
        assertThat(result.redelivery()[0]).isPositive();
    }

    @Test
    void timesThePartsOfThePathAgainstTheSameBaselineWhenAsked() throws Exception {
        IntakeRatio.Result result = IntakeRatio.run("messengerText", 5, 20, 0.2, true, false);

        assertThat(result.parts()).containsOnlyKeys("tokens", "tree", "normalized");
        assertThat(result.parts().values()).allSatisfy(ratio -> assertThat(ratio[1]).isPositive());
        assertThat(result.toString()).contains("tokens/baseline", "normalized/baseline");
        assertThat(IntakeRatio.run("messengerText", 2, 5, 0).parts()).isEmpty();
    }

    @Test
    void aKeptHandlerMeetsNewRequestsEveryRound() throws Exception {
        // a round that met the last round's requests again would append nothing, and the driver refuses to time it
        IntakeRatio.Result result = IntakeRatio.run("whatsappText", 40, 20, 0.2, false, true);

        assertThat(result.rounds()).isEqualTo(40);
        assertThat(result.newEvent()[1]).isPositive();
        assertThat(result.redelivery()[1]).isPositive();
    }

    @Test
    void refusesAPayloadItDoesNotKnow() {
        assertThatIllegalArgumentException().isThrownBy(() -> IntakeRatio.run("smokeSignals", 1, 1, 0))
                .withMessageContaining("unknown payload smokeSignals");
    }
}
