package dev.leadstream.hitl.architecture;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** hitl-api depends one way: rest and ui → service → repository, and SQL only in repositories (see {@link LayerRules}). */
class LayeringTest {

    @Test
    void everyPackageOfHitlApiUsesOnlyTheLayersBelowIt() {
        assertThat(LayerRules.check(Path.of("src/main/java"))).isEmpty();
    }

    @Test
    void theCheckReadsTheWholeApplication() {
        // a wrong path would find nothing and pass; the rules must have seen every layer
        assertThat(LayerRules.MAY_USE.keySet()).allSatisfy(layer ->
                assertThat(Path.of("src/main/java", LayerRules.ROOT.replace('.', '/'), layer)).isDirectory());
    }
}
