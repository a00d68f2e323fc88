package dev.leadstream.enrichment.lookalike;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.qdrant.QdrantContainer;

import java.net.URI;
import java.util.UUID;

/**
 * The vector store contract against a real Qdrant: the one at {@code -Dqdrant.url} (or
 * {@code LEADSTREAM_QDRANT_URL}, its gRPC port) when given, otherwise one that Testcontainers
 * starts. Where neither a URL nor a Docker engine is available the whole class is reported as
 * skipped, never as passed.
 */
@ExtendWith(QdrantVectorStoreIT.QdrantReachable.class)
class QdrantVectorStoreIT extends VectorStoreContract {

    private static QdrantContainer container;
    private static URI url;
    private String collection;

    @BeforeAll
    static void startQdrant() {
        url = QdrantReachable.configuredUrl();
        if (url == null) {
            container = new QdrantContainer("qdrant/qdrant:v1.15.4");
            container.start();
            url = URI.create("http://" + container.getHost() + ":" + container.getGrpcPort());
        }
    }

    @AfterAll
    static void stopQdrant() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    protected VectorStore open() {
        collection = "contract-" + UUID.randomUUID();
        return reopen();
    }

    @Override
    protected VectorStore reopen() {
        return new QdrantVectorStore(url, System.getenv("LEADSTREAM_QDRANT_API_KEY"), collection, DIMENSION);
    }

    /** Skips (never passes) the suite when there is no Qdrant to run it against. */
    static final class QdrantReachable implements ExecutionCondition {

        static URI configuredUrl() {
            String url = System.getProperty("qdrant.url", System.getenv("LEADSTREAM_QDRANT_URL"));
            return url == null || url.isBlank() ? null : URI.create(url);
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (configuredUrl() != null) {
                return ConditionEvaluationResult.enabled("Qdrant at " + configuredUrl());
            }
            boolean docker;
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                docker = false;
            }
            return docker ? ConditionEvaluationResult.enabled("Qdrant in a Testcontainers container")
                    : ConditionEvaluationResult.disabled("no Qdrant: set -Dqdrant.url=http://host:6334 or provide a Docker engine");
        }
    }
}
