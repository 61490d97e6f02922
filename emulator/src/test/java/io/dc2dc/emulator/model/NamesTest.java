package io.dc2dc.emulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void extendedNamesAsIn312() {
        assertThat(Names.validDatabase("Ünïcödé-db")).isTrue();
        assertThat(Names.validDatabase("_system")).isTrue();
        assertThat(Names.validDatabase("_other")).isFalse();
        assertThat(Names.validDatabase("a:b")).isFalse();
        assertThat(Names.validDatabase("1db")).isFalse();
        assertThat(Names.validDatabase("x".repeat(129))).isFalse();
        assertThat(Names.validCollection("orders 2024")).isTrue();
        assertThat(Names.validCollection("a/b")).isFalse();
        assertThat(Names.validCollection(" lead")).isFalse();
        assertThat(Names.validCollection("trail ")).isFalse();
        assertThat(Names.validCollection("tab\there")).isFalse();
        assertThat(Names.validCollection("Cafe\u0301")).isFalse(); // not NFC
        assertThat(Names.validCollection("Café")).isTrue();
    }
}
