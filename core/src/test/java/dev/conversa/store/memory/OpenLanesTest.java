package dev.conversa.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link OpenLanes}: each lane's first open entry, and those of all lanes in id order. */
class OpenLanesTest {

    private final OpenLanes<String, Long> open = new OpenLanes<>(id -> id);

    @Test
    void theFirstEntryOfEachLaneLeadsInIdOrder() {
        open.add("kerry", 1L);
        open.add("ana", 2L);
        open.add("kerry", 3L);
        open.add("ana", 4L);

        assertThat(open.heads()).containsExactly(1L, 2L);
        assertThat(open.head("kerry")).isEqualTo(1L);
        assertThat(open.of("kerry")).containsExactly(1L, 3L);
        assertThat(open.head("nobody")).isNull();
        assertThat(open.of("nobody")).isEmpty();
    }

    @Test
    void whenTheFirstLeavesTheNextOfItsLaneLeads() {
        open.add("kerry", 1L);
        open.add("ana", 2L);
        open.add("kerry", 3L);

        open.remove("kerry", 1L);

        assertThat(open.heads()).containsExactly(2L, 3L);
        assertThat(open.head("kerry")).isEqualTo(3L);
    }

    @Test
    void anEntryLeavingFromTheMiddleChangesNoLead() {
        open.add("kerry", 1L);
        open.add("kerry", 2L);
        open.add("kerry", 3L);

        open.remove("kerry", 2L);
        open.remove("kerry", 2L);
        open.remove("ana", 9L);

        assertThat(open.heads()).containsExactly(1L);
        assertThat(open.of("kerry")).containsExactly(1L, 3L);
    }

    @Test
    void aLaneWithoutEntriesIsGone() {
        open.add("kerry", 1L);

        open.remove("kerry", 1L);

        assertThat(open.heads()).isEmpty();
        assertThat(open.head("kerry")).isNull();
        assertThat(open.of("kerry")).isEmpty();
    }
}
