package dev.leadstream.persona.writer.llm;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

import java.util.List;

/**
 * The JSON the model must answer with: messages, each a list of statements with the fact ids
 * they cite. Every property is required (OpenAI's strict mode wants that); a channel's unused
 * fields come back empty.
 */
final class AnswerSchema {

    static final List<String> ABOUT = List.of("lead", "offering", "persona", "courtesy");

    private AnswerSchema() {
    }

    static ResponseFormat responseFormat(WritingTask task, boolean withSchema) {
        if (!withSchema) {
            return ResponseFormat.JSON;
        }
        return ResponseFormat.builder().type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name("outreach_messages").rootElement(root(task)).build()).build();
    }

    private static JsonObjectSchema root(WritingTask task) {
        JsonObjectSchema statement = JsonObjectSchema.builder()
                .addStringProperty("text", "one sentence")
                .addEnumProperty("about", ABOUT)
                .addProperty("factIds", JsonArraySchema.builder().items(new JsonStringSchema())
                        .description("ids of the facts this sentence rests on").build())
                .required("text", "about", "factIds").additionalProperties(false).build();
        JsonObjectSchema message = JsonObjectSchema.builder()
                .addProperty("channel", JsonEnumSchema.builder().enumValues(task.channels()).build())
                .addProperty("step", new JsonIntegerSchema())
                .addEnumProperty("variant", task.variantIds())
                .addStringProperty("subject", "email only, else empty")
                .addStringProperty("preheader", "email only, else empty")
                .addProperty("hashtags", JsonArraySchema.builder().items(new JsonStringSchema())
                        .description("instagram and tiktok only, without #").build())
                .addStringProperty("script", "tiktok only, else empty")
                .addProperty("statements", JsonArraySchema.builder().items(statement).build())
                .required("channel", "step", "variant", "subject", "preheader", "hashtags", "script", "statements")
                .additionalProperties(false).build();
        return JsonObjectSchema.builder()
                .addProperty("messages", JsonArraySchema.builder().items(message).build())
                .required("messages").additionalProperties(false).build();
    }
}
