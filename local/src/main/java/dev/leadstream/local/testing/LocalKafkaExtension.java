package dev.leadstream.local.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for plain (non-Quarkus) tests: injects a {@link TopicProbe} bound to the
 * shared real broker as its admin, with every contract topic created.
 */
public class LocalKafkaExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TopicProbe.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new TopicProbe(SharedInfra.kafka().adminClient());
    }
}
