package io.dc2dc.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CollectionFilterTest {

    @Test
    void everythingIsReplicatedWithoutRules() {
        assertThat(CollectionFilter.ALL.includesDatabase("_system")).isTrue();
        assertThat(CollectionFilter.ALL.includesCollection("shop", "orders")).isTrue();
    }

    @Test
    void includeRulesSelectAndExcludeRulesWin() {
        CollectionFilter f =
                CollectionFilter.of(
                        List.of("shop.*", "crm"), List.of("shop_test"), List.of(), List.of());
        assertThat(f.includesDatabase("shop")).isTrue();
        assertThat(f.includesDatabase("shop_eu")).isTrue();
        assertThat(f.includesDatabase("crm")).isTrue();
        assertThat(f.includesDatabase("crm2")).as("rules match the whole name").isFalse();
        assertThat(f.includesDatabase("shop_test")).isFalse();
        assertThat(f.includesCollection("shop_test", "orders"))
                .as("a collection of an excluded database")
                .isFalse();
    }

    @Test
    void collectionRulesWithASlashMatchTheDatabaseToo() {
        CollectionFilter f =
                CollectionFilter.of(
                        List.of(), List.of(), List.of(), List.of("shop/tmp_.*", "scratch"));
        assertThat(f.includesCollection("shop", "tmp_1")).isFalse();
        assertThat(f.includesCollection("crm", "tmp_1")).isTrue();
        assertThat(f.includesCollection("crm", "scratch")).isFalse();
        assertThat(f.includesCollection("shop", "orders")).isTrue();

        CollectionFilter only =
                CollectionFilter.of(List.of(), List.of(), List.of("orders"), List.of());
        assertThat(only.includesCollection("shop", "orders")).isTrue();
        assertThat(only.includesCollection("shop", "carts")).isFalse();
    }

    @Test
    void anInvalidRuleIsNamed() {
        assertThatThrownBy(
                        () ->
                                CollectionFilter.of(
                                        List.of("shop("), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'shop('")
                .hasMessageContaining("not a valid regular expression");
    }
}
