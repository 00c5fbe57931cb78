package dev.conversa.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link OpenLanes}: each lane's first open entry, and those of all lanes in id order. */
class OpenLanesTest {

    private final OpenLanes<String, Long> open = new OpenLanes<>(id -> id);

    /** Adds one entry to each named lane, in order, with ids 1, 2, 3 and so on. */
    private void entries(String... lanes) {
        for (int i = 0; i < lanes.length; i++) {
            open.add(lanes[i], i + 1L);
        }
    }

    @Test
    void theFirstEntryOfEachLaneLeadsInIdOrder() {
        entries("kerry", "ana", "kerry", "ana");

        assertThat(open.heads()).containsExactly(1L, 2L);
        assertThat(open.head("kerry")).isEqualTo(1L);
        assertThat(open.of("kerry")).containsExactly(1L, 3L);
        assertThat(open.head("nobody")).isNull();
        assertThat(open.of("nobody")).isEmpty();
    }

    @Test
    void whenTheFirstLeavesTheNextOfItsLaneLeads() {
        entries("kerry", "ana", "kerry");

        open.remove("kerry", 1L);

        assertThat(open.heads()).containsExactly(2L, 3L);
        assertThat(open.head("kerry")).isEqualTo(3L);
    }

    @Test
    void anEntryLeavingFromTheMiddleChangesNoLead() {
        entries("kerry", "kerry", "kerry");

        open.remove("kerry", 2L);
        open.remove("kerry", 2L);
        open.remove("ana", 9L);

        assertThat(open.heads()).containsExactly(1L);
        assertThat(open.of("kerry")).containsExactly(1L, 3L);
    }

    @Test
    void aLaneWithoutEntriesIsGone() {
        entries("kerry");

        open.remove("kerry", 1L);

        assertThat(open.heads()).isEmpty();
        assertThat(open.head("kerry")).isNull();
        assertThat(open.of("kerry")).isEmpty();
    }
}
