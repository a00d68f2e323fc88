package dev.leadstream.hitl.architecture;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The layer check catches each kind of violation, and only violations. */
class LayerRulesTest {

    private static List<LayerRules.Violation> check(String layer, String source) {
        return LayerRules.check(Map.of(layer + "/Fixture.java", "package dev.leadstream.hitl." + layer + ";\n" + source));
    }

    @Test
    void aServiceThatImportsRestIsRefused() {
        assertThat(check("service", """
                import dev.leadstream.hitl.rest.ApiProblem;
                class Fixture {}
                """)).singleElement().asString().contains("service uses rest");
    }

    @Test
    void aRepositoryThatNamesAServiceTypeInFullIsRefused() {
        assertThat(check("repository", """
                class Fixture {
                    java.util.List<dev.leadstream.hitl.service.DraftEdit> edits;
                }
                """)).singleElement().asString().contains("repository uses service");
    }

    @Test
    void restAndUiReachRepositoriesOnlyThroughServices() {
        assertThat(check("rest", "import dev.leadstream.hitl.repository.LeadRepository;\nclass Fixture {}"))
                .singleElement().asString().contains("rest uses repository");
        assertThat(check("ui", "import static dev.leadstream.hitl.repository.LeadRepository.*;\nclass Fixture {}"))
                .singleElement().asString().contains("ui uses repository");
    }

    @Test
    void messagingAndSecurityNeverUseRestOrUi() {
        assertThat(check("messaging", "import dev.leadstream.hitl.ui.Ui;\nclass Fixture {}")).hasSize(1);
        assertThat(check("security", "import dev.leadstream.hitl.rest.Problem;\nclass Fixture {}")).hasSize(1);
    }

    @Test
    void aQueryOutsideARepositoryIsRefusedAndInsideOneIsFine() {
        String query = """
                class Fixture {
                    Object read(org.hibernate.reactive.mutiny.Mutiny.Session session) {
                        return session.createNativeQuery("select 1").getSingleResult();
                    }
                    Object write(org.hibernate.reactive.mutiny.Mutiny.Session session, Object entity) {
                        return session.persist(entity).chain(session::flush);
                    }
                }
                """;
        assertThat(check("service", query)).hasSize(2).allSatisfy(v -> assertThat(v.why()).contains("only a repository"));
        assertThat(check("messaging", query)).hasSize(2);
        assertThat(check("repository", query)).isEmpty();
    }

    @Test
    void anSqlClientOutsideARepositoryIsRefused() {
        assertThat(check("security", "import io.vertx.mutiny.sqlclient.Pool;\nclass Fixture {}"))
                .singleElement().asString().contains("SQL client");
    }

    @Test
    void servicesSpeakNoHttp() {
        assertThat(check("service", "import jakarta.ws.rs.NotFoundException;\nclass Fixture {}"))
                .singleElement().asString().contains("service uses HTTP");
        assertThat(check("rest", "import jakarta.ws.rs.NotFoundException;\nclass Fixture {}")).isEmpty();
    }

    @Test
    void namesInCommentsAndStringsAreNotUses() {
        assertThat(check("service", """
                /** Answered by {@link dev.leadstream.hitl.rest.ApiError}. */
                class Fixture {
                    // dev.leadstream.hitl.ui.Ui shows it
                    String sql = \"""
                            select 1 -- session.createNativeQuery(dev.leadstream.hitl.rest.X)
                            \""";
                    String name = "dev.leadstream.hitl.rest.Problem";
                    char quote = '"';
                    String after = "session.persist(x)";
                }
                """)).isEmpty();
    }

    @Test
    void aNewPackageNeedsAPlaceInTheTable() {
        assertThat(check("campaign", "class Fixture {}")).singleElement().asString().contains("has no layer");
    }

    @Test
    void onlyTheFileThatBreaksARuleIsNamed() {
        assertThat(LayerRules.check(Map.of("service/Ok.java", "package dev.leadstream.hitl.service;\nclass Ok {}"))).isEmpty();
        assertThat(LayerRules.check(Map.of(
                "service/Ok.java", "package dev.leadstream.hitl.service;\nclass Ok {}",
                "service/Bad.java", "package dev.leadstream.hitl.service;\nimport dev.leadstream.hitl.ui.Ui;\nclass Bad {}")))
                .extracting(LayerRules.Violation::file).containsExactly("service/Bad.java");
    }
}
