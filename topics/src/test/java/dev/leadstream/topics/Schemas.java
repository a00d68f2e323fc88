package dev.leadstream.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the contract's JSON Schemas from the classpath, resolving their $refs to each other. */
final class Schemas {

    private static final String BASE = "https://leadstream.dev/schemas/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE, "classpath:leadstream/schemas/")));

    static JsonSchema schema(String file) {
        return FACTORY.getSchema(SchemaLocation.of(BASE + file));
    }

    static JsonNode raw(String file) {
        try (InputStream in = Schemas.class.getResourceAsStream("/leadstream/schemas/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + file);
            }
            return EventJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Schemas() {
    }
}
